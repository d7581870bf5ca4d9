// Package input reads what tiercel is given to decide on: a case file (a
// case and its events, YAML or JSON), a history of cases (CSV or JSON
// lines), histories with their events (JSON lines, ParseHistoryEvents), a
// contract file and a spends CSV, and the instants, zones and
// attributes they hold.
//
// Every reader has one meaning for an instant, ParseTime's: an RFC 3339
// instant with an offset is that instant; a wall-clock time without one,
// and a date (the first instant of that day), are read in the zone of the
// case or contract (UTC when it gives none), gaps and overlaps of daylight
// saving time resolved as RFC 5545 does.
//
// Every reader is bounded (files of at most 16 MiB, aliases within a
// budget) and linear in its input, and reports every problem it finds, not
// only the first, as one shape: an ErrorList of Errors reading
// "file:line:col: path: message", capped at MaxErrors, each wrapping the
// sentinel of the file's kind (ErrInvalidCaseFile, ErrInvalidHistory,
// ErrInvalidContract, ErrInvalidSpends), which wraps ErrInvalidFile.
//
// The functions here keep no state: they may be called from several
// goroutines at once.
package input
