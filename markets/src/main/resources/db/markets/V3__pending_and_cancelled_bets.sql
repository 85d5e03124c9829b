-- Bets waiting out a bet delay are PENDING until their stream's frames confirm them (OPEN) or
-- they lapse (VOID); a bettor may cancel a pending bet (CANCELLED, stake returned).
ALTER TABLE bets DROP CONSTRAINT bets_state_check;
ALTER TABLE bets ADD CONSTRAINT bets_state_check
  CHECK (state IN ('PENDING', 'OPEN', 'WON', 'LOST', 'VOID', 'CANCELLED'));
