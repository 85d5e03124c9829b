import { useCallback, useEffect, useState } from 'react';
import { loadMyBets, type Bet } from '../api/markets';
import { loadWallet, type Wallet } from '../api/money';
import type { LiveSocket, ServerMessage } from '../live/liveSocket';
import { applyBetMessage, replaceBet, walletFromUpdate } from './accountMessages';

const WALLET_EVERY_MS = 10_000;
const BETS_EVERY_MS = 5000;

export interface AccountFeed {
  wallet: Wallet | null;
  walletUpdatedAt: number | null;
  walletProblem: string | null;
  bets: Bet[];
  /** Where "my bets" come from: the server's list, or this page's own bets until it has one. */
  betsSource: 'server' | 'this-page';
  /** Adds a bet this page just placed (shown at once, before the server's list has it). */
  addPlaced: (bet: Bet) => void;
  /** Puts the server's newer copy of a bet in place (the answer to a cancel). */
  replace: (bet: Bet) => void;
}

/**
 * The signed-in player's wallet and bets, live: the wallet from `GET /api/wallet` and then every
 * `walletUpdate` on the account topic (highest version wins); bets from `GET /api/bets`, with the
 * bets placed on this page, their confirmations and their settlements from the account topic merged in.
 */
export function useAccountFeed(socket: LiveSocket | null, enabled: boolean): AccountFeed {
  const [wallet, setWallet] = useState<{ value: Wallet | null; at: number | null; problem: string | null }>({
    value: null,
    at: null,
    problem: null,
  });
  const [serverBets, setServerBets] = useState<Bet[] | null>(null);
  const [pageBets, setPageBets] = useState<Bet[]>([]);
  const [betsTick, setBetsTick] = useState(0);

  const takeWallet = useCallback((next: Wallet) => {
    setWallet((previous) =>
      previous.value && previous.value.version > next.version
        ? { ...previous, at: Date.now(), problem: null }
        : { value: next, at: Date.now(), problem: null },
    );
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await loadWallet();
      if (stopped) return;
      if (result.ok) takeWallet(result.value);
      else setWallet((previous) => ({ ...previous, problem: result.message }));
      timer = setTimeout(() => void poll(), WALLET_EVERY_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled, takeWallet]);

  useEffect(() => {
    if (!socket || !enabled) return;
    return socket.subscribe('TOPIC_ACCOUNT', '', (message: ServerMessage) => {
      const update = walletFromUpdate(message);
      if (update) takeWallet(update);
      if (message['betResult'] || message['betSettlement']) {
        setPageBets((previous) => applyBetMessage(previous, message));
        setServerBets((previous) => (previous === null ? null : applyBetMessage(previous, message)));
        setBetsTick((n) => n + 1);
      }
    });
  }, [socket, enabled, takeWallet]);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await loadMyBets('all');
      if (stopped) return;
      if (result.ok) setServerBets(result.value.bets);
      timer = setTimeout(() => void poll(), BETS_EVERY_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled, betsTick]);

  const addPlaced = useCallback((bet: Bet) => setPageBets((previous) => [bet, ...previous.filter((b) => b.id !== bet.id)]), []);
  const replace = useCallback((bet: Bet) => {
    setPageBets((previous) => replaceBet(previous, bet));
    setServerBets((previous) => (previous === null ? null : replaceBet(previous, bet)));
  }, []);

  const known = new Set((serverBets ?? []).map((b) => b.id));
  const bets = serverBets === null ? pageBets : [...pageBets.filter((b) => !known.has(b.id)), ...serverBets];
  return {
    wallet: wallet.value,
    walletUpdatedAt: wallet.at,
    walletProblem: wallet.problem,
    bets,
    betsSource: serverBets === null ? 'this-page' : 'server',
    addPlaced,
    replace,
  };
}
