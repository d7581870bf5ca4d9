// Package suite reads and runs YAML test suites: lists of questions with
// fixed inputs and the answers a catalog must give, so that a team pins
// "moving from Looker Premier to Standard degrades P1 from 1h to 4h" in its
// own CI. It asks its questions through the exported API of package rules
// only.
//
// A suite file looks like this (every key is described in the README and in
// schema/suite.schema.json):
//
//	catalog: [tiers.yaml]          # optional: files relative to the suite; default: the embedded catalog
//	now: 2026-03-02T10:00:00Z      # optional: the instant of every decision that does not give its own
//	tests:
//	  - name: looker premier to standard degrades P1
//	    compare: {from: looker-premier, to: standard}
//	    expect: {changes: {P1: degraded, P2: unchanged}}
//	  - name: enhanced P1 on a Monday morning
//	    deadline: {tier: enhanced, priority: P1, opened: 2026-03-02T10:00:00Z}
//	    expect: {due: 2026-03-02T11:00:00Z, target: 1h 24x7, rule: tiers.enhanced.response.P1}
//	  - name: in Tokyo, P3 on enhanced is sometimes 1h earlier, sometimes 64h later
//	    compare: {from: looker-premier, to: enhanced, scope: {zone: Asia/Tokyo, from: 2026-03-02, to: 2026-03-30}}
//	    expect: {changes: {P3: {kind: unchanged, effect: {kind: mixed, min: -1h, max: 64h}}}}
//
// Read a suite with [Load] or [Parse] and run it with [Suite.Run] (what
// `tiercel test` does), or run a suite file from a Go test with [Run]:
//
//	func TestTiers(t *testing.T) { suite.Run(t, "testdata/tiers_test.yaml") }
//
// For CI, [RunFile] (or [NewReport] on a loaded suite) runs a suite's
// tests (those a filter keeps; the others are skipped) into a [Report],
// and [WriteJUnit] writes reports as JUnit XML, as `tiercel test --junit
// FILE` does.
//
// Unknown keys, a test with no question or with nothing to expect, and
// malformed values are errors naming file:line:col; they are reported
// together as an [ErrorList] wrapping [ErrInvalidSuite].
//
// Each kind of question (deadline, compare, quote, eligibility, plan,
// entitlements, allowed, replay, timeline) is one entry of a table: the keys of its input,
// how it is asked of a rules.Engine, and one row per value a test may
// expect of the answer.
package suite
