// A stand-in for the built app in gateway tests: the shell is what they check.
