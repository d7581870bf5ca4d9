// Package rules is tiercel's engine: a catalog of support tiers written in
// YAML is parsed with the position of every value, checked, and compiled into
// CEL programs with CEL-Go. The resulting Engine answers questions about
// cases, tiers and contracts:
//
//   - Deadline and Status: a case of priority P1-P4 was opened at T on tier
//     X; when is the initial response due, on which clock, which rule
//     decided, and where does the case stand at an instant?
//   - Explain, ExplainStatus and ExplainTimeline: why is the response due
//     when it is? Every rule as the decision met it (skipped by its
//     filters, false, matched), the table row, and the walk on the
//     calendar: each stretch of open time counted, each closure with its
//     cause (weekend, outside hours, a holiday by name and country, a
//     closed date), the pauses and the DST changes crossed; for a
//     timeline, each cycle's walk and the retargets and restarts it took.
//   - Timeline: from a case's events (messages, status, priority and tier
//     changes), every clock of the case: response, next reply, update and
//     resolution, each cycle with its target, pauses, due instant and
//     breach.
//   - Compare and CompareIn: an account moves from tier A to tier B; which
//     response targets improve, degrade or stay the same, as written and
//     (CompareIn) for the deadlines one account sees over a window?
//   - Replay: a history of cases decided again on another tier; how much
//     later or earlier would each response have been due?
//   - DeadlineContext, StatusContext, TimelineContext, ReplayContext,
//     ExplainContext and ExplainStatusContext: the same questions under a
//     context.Context, for a caller with a deadline (a server's request):
//     they stop when it is done, between rules, events and cases and
//     inside an expression, with an error wrapping ctx.Err().
//   - Eligibility, EligibilityWith, Plan and PlanWith: a legacy contract
//     reaches its renewal; may (or must) it move, to which tiers, from when,
//     what changes for each, and which tier keeps its targets at the lowest
//     price (the With forms choose the rule of that recommendation)?
//   - Entitlements and MovedEntitlements: which languages, channels and
//     services does a contract have at an instant, before and after a move?
//   - Quote, QuotePeriod and PriceAt: what does tier X cost for a month, or
//     part of one, with spend S, and which price version does a contract pay
//     at an instant?
//   - Invoice: a contract's bill over months of spends: a line per month and
//     tier, across a move, with its discounts and true-ups.
//   - Allowed: may a principal do an action on a case?
//   - ClosedDays: on which dates is a calendar closed all day, and why (its
//     public holidays, closed dates and the days of its ics file)?
//   - Tiers, Tier, Features, Calendars, Calendar, Rules, Actions, Metrics,
//     PriceVersion and PriorityMeaning: what the catalog holds (tiers by id
//     or alias, their targets by metric and features, calendars, rule ids,
//     permission actions, the metrics built in and declared, the price
//     version policy, the wording of each priority).
//
// Impact, a function of two engines, replays recorded histories (a case and
// its events) on both and reports what a catalog change does to them: the
// cycles newly breached or no longer breached, and the due instants moved
// later or earlier, per metric, priority and account. Diff, also a function
// of two engines, reports what changed from one catalog to the other on
// every surface where an answer can differ, with the effect of each changed
// target on due instants over a window and the exact fee difference of each
// changed price version; cosmetic changes apart.
//
// Test suites that pin these answers in YAML live in package suite.
//
// # Catalogs
//
// A catalog has calendars (weekly opening hours in an IANA zone or in the
// account's zone, public holidays by country, extra closed dates; "24x7" is
// built in; "holidays: [account]" adds the public holidays of the country
// each case must give, "holidays: [account-if-any]" those of the country a
// case may give), tiers (a response table "P1: 1h 24x7", features, a price),
// rules (CEL conditions tried in order before the tier table; the first
// that holds overrides only what it names), migrations and permissions.
// Unknown keys are errors. Every error reads "file:line:col: path: message",
// and an error inside a CEL expression points at the culprit's line and
// column in the YAML file, block scalars included. The errors of a catalog
// are reported, sorted by position, as an ErrorList: each once per position
// (a value reached through several aliases included), at most MaxErrors of
// them, then "and N more errors". YAML tags written in the file (!!binary,
// !custom) are errors, and aliases may expand to at most a budget
// proportional to the file's size.
//
// # CEL
//
// Every expression sees the same typed variables, so a misspelt field or a
// comparison of the wrong types is a compile error:
//
//	case       tier, priority ("P1".."P4"), opened (timestamp), zone, language,
//	           account, country, attrs (map of string to dyn: Case.Attrs)
//	account    id, zone, country
//	contract   account, tier, start, renewal (timestamps), spend {minor, units,
//	           currency}, zone, attrs
//	tier       id, name, family, legacy, aliases, languages, channels, services
//	principal  id, roles, groups, attrs
//	now        timestamp: the instant of the decision, always from the input
//	event      type, at, status, priority, tier, by, reopened, attrs: the
//	           event a lifecycle condition is applied to (Timeline)
//
// Expressions whose estimated worst-case cost (lists and maps of up to 100
// elements) is too high are rejected at compile time; every evaluation runs
// under a cost limit and fails with ErrCostLimit beyond it.
//
// Each tier promises targets per SLO metric (an objective: the initial
// response under response:, and nextReply:, update: and resolution:, whose
// clocks the lifecycle section drives from a case's events). The rules that can apply to
// a tier, metric and priority (after their static metric, tiers and
// priorities filters) form one first-match chain per tier, metric and
// priority, like a switch, each rule's condition compiled once; target
// tables and other literal
// outputs stay literal Go values, so a case no rule can touch costs no CEL
// evaluation at all.
//
// # Concurrency
//
// An Engine is immutable once Compile, Load or Default returns it and is
// safe for concurrent use. The engine never reads the wall clock: Case.Opened,
// Case.Now and the at arguments are inputs, so every decision is
// reproducible.
package rules
