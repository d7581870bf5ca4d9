// Package answer holds the JSON form of every answer tiercel gives: the
// shapes the command writes with --output json and the decision service
// returns as the "result" of a [Decision], {"decisionId", "revision",
// "result"}, and the constructors that build them from the engine's answers
// (NewDeadline, NewTimeline, NewCompare, NewReplay, NewQuote, NewInvoice,
// NewEligibility, NewAllowed, NewImpact, NewAudit, NewDiff, NewExplain,
// NewExplainTimeline, NewCoverage), so that both write every value one way.
//
// # One convention
//
//   - Money is an object of the exact decimal amount as a string, the ISO
//     4217 code and the minor units as an integer:
//     {"amount":"6150.00","currency":"USD","minor":615000}. This is
//     [money.Money]'s own JSON form ([money.Money.MarshalJSON]); in text
//     contexts (YAML, map keys) a Money stays "6150.00 USD".
//   - A duration is a [Duration]: whole seconds as an integer, nanoseconds
//     beside them only when not zero (as protobuf's Duration), and the
//     readable text: {"seconds":14400,"text":"4h"}. A difference between
//     two deadlines is signed, and so is its text: {"seconds":-2700,
//     "text":"-45m"}, {"seconds":230400,"text":"+64h"}, {"seconds":0,
//     "text":"0"}.
//   - An instant is an [Instant]: an RFC 3339 string with nanoseconds when
//     it has them, in the offset of the zone the answer was computed in
//     ("2026-03-06T17:00:00+09:00"). An optional instant is null when
//     absent; a present one is never null (0001-01-01T00:00:00Z included).
//     An answer about a case names that zone beside its instants
//     ([Deadline].Zone, [Timeline].Zone: an IANA name), since an offset
//     alone does not say which daylight-saving rules hold around it.
//   - A response target is a [Target]: its duration, its calendar and its
//     text, {"within":{"seconds":3600,"text":"1h"},"calendar":"24x7",
//     "text":"1h 24x7"}; null when a tier has no target.
//   - Every number is an integer: counts, minor units, seconds,
//     nanoseconds, percents. No answer holds a float, so no reader rounds.
//
// Every duration an answer holds is computed exactly, in integer
// nanoseconds: replay's percentiles are delays of actual cases (nearest
// rank), and compare's effects are exact to the nanosecond, a lone instant
// where a deadline jumps counting with the openings before it (see
// [slo.Effect]), so that two weeks of openings due later read 335h, not
// 334h59m59.99999999s.
//
// # Concurrency
//
// The types are plain values: safe to copy and to share once built. The
// constructors read their arguments and keep no reference to them, except
// for the zone locations instants carry.
package answer
