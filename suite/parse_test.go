package suite

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/rules"
)

// parseErrorTest is a suite document and every line of the error Parse
// returns for it, in order.
type parseErrorTest struct {
	name, src string
	want      []string
}

// TestParseStructureErrors covers the keys of a suite and of its tests.
func TestParseStructureErrors(t *testing.T) {
	checkParseErrors(t, []parseErrorTest{
		{"unknown top-level key", "tests: []\nbogus: 1\n", []string{
			`t.yaml:1:8: tests: no tests`,
			`t.yaml:2:1: bogus: unknown key "bogus" (want one of version, description, catalog, now, tests)`,
		}},
		{"no tests key", "description: x\n", []string{`t.yaml:1:1: missing required key "tests"`}},
		{"a written tag", "description: !!binary eA==\ntests: []\n", []string{
			`t.yaml:1:14: description: yaml tags are not supported: !!binary`,
			`t.yaml:2:8: tests: no tests`,
		}},
		{"a suite with CRLF line ends", "tests:\r\n  - name: a\r\n    expect: {due: 2026-03-02T10:00:00Z}\r\n", []string{
			`t.yaml:2:5: tests[0]: missing the question: one of deadline, compare, quote, eligibility, plan, entitlements, allowed, replay, timeline`,
		}},
		{"syntax", "tests: [\n", []string{`t.yaml:1:1: yaml: did not find expected node content`}},
		{"no question", "tests:\n  - name: a\n    expect: {due: 2026-03-02T10:00:00Z}\n", []string{
			`t.yaml:2:5: tests[0]: missing the question: one of deadline, compare, quote, eligibility, plan, entitlements, allowed, replay, timeline`,
		}},
		{"two questions", "tests:\n  - name: a\n    compare: {from: a, to: b}\n    quote: {tier: a, spend: 1 USD}\n    expect: {error: x}\n", []string{
			`t.yaml:4:5: tests[0].quote: a test asks one question: compare and quote both given`,
		}},
		{"no expect", "tests:\n  - name: a\n    compare: {from: a, to: b}\n", []string{
			`t.yaml:2:5: tests[0]: missing required key "expect"`,
		}},
		{"expectation of another question", "tests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {due: 2026-03-02T10:00:00Z}\n", []string{
			`t.yaml:4:14: tests[0].expect.due: unknown key "due" (want one of changes, error)`,
		}},
		{"empty expect", "tests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {}\n", []string{
			`t.yaml:4:13: tests[0].expect: nothing to expect: name at least one of changes, error`,
		}},
		{"error with other expectations", "tests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x, changes: {P1: degraded}}\n", []string{
			`t.yaml:4:14: tests[0].expect.error: an expected error cannot be combined with other expectations`,
		}},
		{"duplicate names", "tests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: y}\n", []string{
			`t.yaml:5:5: tests[1].name: duplicate test name "a" (first at t.yaml:2:5)`,
		}},
		{"version", "version: 2\ntests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n", []string{
			`t.yaml:1:10: version: unsupported format version "2" (want 1)`,
		}},
		{"a question that is not a mapping", "tests:\n  - name: a\n    plan: acme\n    expect: {eligible: maybe}\n", []string{
			`t.yaml:3:11: tests[0].plan: must be a mapping with contract, at, requireEffective`,
			`t.yaml:4:24: tests[0].expect.eligible: must be true or false, got "maybe"`,
		}},
	})
}

// TestParseValueErrors covers the inputs and expected values of questions.
func TestParseValueErrors(t *testing.T) {
	checkParseErrors(t, []parseErrorTest{
		{"unknown input key", "tests:\n  - name: a\n    deadline: {tier: a, priority: P1, opened: 2026-03-02T10:00:00Z, color: red}\n    expect: {due: 2026-03-02T10:00:00Z}\n", []string{
			`t.yaml:3:69: tests[0].deadline.color: unknown key "color" (want one of tier, priority, opened, zone, language, account, country, attrs, now, pauses)`,
		}},
		{"bad values", "tests:\n  - name: a\n    deadline: {tier: a, priority: P5, opened: 2026-03-02 10:00}\n    expect: {due: tomorrow}\n", []string{
			`t.yaml:3:35: tests[0].deadline.priority: invalid priority "P5": want one of P1, P2, P3, P4`,
			`t.yaml:3:47: tests[0].deadline.opened: invalid time "2026-03-02 10:00": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`,
			`t.yaml:4:19: tests[0].expect.due: invalid time "tomorrow": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`,
		}},
		{"bad money and period", "tests:\n  - name: a\n    quote: {tier: a, spend: 12 dollars, period: 2026-02-30}\n    expect: {total: 1.001 USD}\n", []string{
			`t.yaml:3:29: tests[0].quote.spend: unknown currency "dollars" (want an ISO 4217 code such as USD, EUR or JPY)`,
			`t.yaml:3:49: tests[0].quote.period: invalid period "2026-02-30": want a month (2026-02) or days of one month (2026-02-10/2026-02-28)`,
			`t.yaml:4:21: tests[0].expect.total: malformed money "1.001 USD": USD has at most 2 decimal places`,
		}},
		{"bad changes", "tests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {changes: {P1: worse, P9: degraded}}\n  - name: b\n    compare: {from: a, to: b}\n    expect: {changes: [{kind: improved}]}\n", []string{
			`t.yaml:4:28: tests[0].expect.changes.P1: unknown change "worse" (want improved, degraded, unchanged, added, removed or mixed)`,
			`t.yaml:4:35: tests[0].expect.changes.P9: invalid priority "P9": want one of P1, P2, P3, P4`,
			`t.yaml:7:24: tests[1].expect.changes[0]: missing required key "priority"`,
		}},
		{"no instant for eligibility", "tests:\n  - name: a\n    eligibility: {contract: {tier: a, zone: Mars/Base}}\n    expect: {eligible: yes}\n", []string{
			`t.yaml:3:5: tests[0].eligibility: missing at: give at here or now in the test or the suite`,
			`t.yaml:3:45: tests[0].eligibility.contract.zone: unknown time zone "Mars/Base"`,
			`t.yaml:4:24: tests[0].expect.eligible: must be true or false, got "yes"`,
		}},
		{"unknown principal key", "tests:\n  - name: a\n    allowed: {action: x, principal: {role: admin}}\n    expect: {allowed: true}\n", []string{
			`t.yaml:3:38: tests[0].allowed.principal.role: unknown key "role" (want one of id, roles, groups, attrs)`,
		}},
		{"unknown option key", "tests:\n  - name: a\n    plan: {contract: {tier: a}, at: 2026-01-01}\n    expect: {options: {x: {keeps: true}}}\n", []string{
			`t.yaml:4:28: tests[0].expect.options.x.keeps: unknown key "keeps" (want one of keepsTargets, keepsDeadlines, total, changes, effectiveAt, priceHeldUntil, recommended)`,
		}},
		{"the inputs given are read when a required one is missing", "tests:\n  - name: a\n    quote: {tier: '', period: 2026-13}\n    expect: {total: 1 USD}\n", []string{
			`t.yaml:3:5: tests[0].quote: missing required key "spend"`,
			`t.yaml:3:19: tests[0].quote.tier: must not be empty`,
			`t.yaml:3:31: tests[0].quote.period: invalid period "2026-13": want a month (2026-02) or days of one month (2026-02-10/2026-02-28)`,
		}},
		{"bad scope and effect", "tests:\n  - name: a\n    compare: {from: a, to: b, scope: {zone: Mars/Base, to: 2026-03-30}}\n    expect: {changes: {P1: {effect: {kind: sideways, min: soon, max: [1h]}}}}\n" +
			"  - name: b\n    compare: {from: a, to: b, scope: 2026}\n    expect: {changes: {P1: {effect: later}}}\n", []string{
			`t.yaml:3:31: tests[0].compare.scope: missing required key "from"`,
			`t.yaml:3:45: tests[0].compare.scope.zone: unknown time zone "Mars/Base"`,
			`t.yaml:4:44: tests[0].expect.changes.P1.effect.kind: unknown change "sideways" (want improved, degraded, unchanged, added, removed or mixed)`,
			`t.yaml:4:59: tests[0].expect.changes.P1.effect.min: invalid duration "soon": want 0 or a signed duration such as -48h or +12h30m`,
			`t.yaml:4:70: tests[0].expect.changes.P1.effect.max: must be a scalar, got a list`,
			`t.yaml:6:38: tests[1].compare.scope: must be a mapping with zone, country, from, to`,
			`t.yaml:7:37: tests[1].expect.changes.P1.effect: must be a mapping with kind, min, max`,
		}},
		{"bad replay", "tests:\n  - name: a\n    replay: {from: a, to: b, cases: [{tier: x, priority: P1}, 7]}\n    expect: {later: many, byPriority: {P7: {}, P1: 3, P2: {late: 1}}}\n" +
			"  - name: b\n    replay: {from: a, to: b}\n    expect: {byPriority: [P1]}\n", []string{
			`t.yaml:3:30: tests[0].replay.cases[0]: missing required key "opened"`,
			`t.yaml:3:39: tests[0].replay.cases[0].tier: unknown key "tier" (want one of priority, opened, zone, language, account, country, attrs, now, pauses)`,
			`t.yaml:3:63: tests[0].replay.cases[1]: must be a mapping with priority, opened, zone, language, account, country, attrs, now, pauses`,
			`t.yaml:4:21: tests[0].expect.later: must be an integer, got "many"`,
			`t.yaml:4:40: tests[0].expect.byPriority.P7: invalid priority "P7": want one of P1, P2, P3, P4`,
			`t.yaml:4:52: tests[0].expect.byPriority.P1: must be a mapping of cases, later, earlier, same, maxLater, maxEarlier, median, p90`,
			`t.yaml:4:60: tests[0].expect.byPriority.P2.late: unknown key "late" (want one of cases, later, earlier, same, maxLater, maxEarlier, median, p90)`,
			`t.yaml:6:5: tests[1].replay: missing required key "cases"`,
			`t.yaml:7:26: tests[1].expect.byPriority: must map priorities to what their delays hold, e.g. {P3: {later: 1}}`,
		}},
		{"bad plan options", "now: 2026-01-01\ntests:\n  - name: a\n    plan: {contract: {tier: a}}\n    expect: {options: {enhanced: 3, standard: {keeps: true}}}\n" +
			"  - name: b\n    plan: {contract: {tier: a}}\n    expect: {options: [enhanced]}\n", []string{
			`t.yaml:5:34: tests[0].expect.options.enhanced: must be a mapping of keepsTargets, keepsDeadlines, total, changes, effectiveAt, priceHeldUntil, recommended`,
			`t.yaml:5:48: tests[0].expect.options.standard.keeps: unknown key "keeps" (want one of keepsTargets, keepsDeadlines, total, changes, effectiveAt, priceHeldUntil, recommended)`,
			`t.yaml:8:23: tests[1].expect.options: must map target tiers to what each option holds, e.g. {enhanced: {keepsTargets: true}}`,
		}},
		{"movedTo only for entitlements", "now: 2026-01-01\ntests:\n  - name: a\n    eligibility: {contract: {tier: a}, movedTo: b}\n    expect: {eligible: true}\n", []string{
			`t.yaml:4:40: tests[0].eligibility.movedTo: unknown key "movedTo" (want one of contract, at, requireEffective)`,
		}},
	})
}

func checkParseErrors(t *testing.T, tests []parseErrorTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Parse("t.yaml", []byte(tt.src))
			require.Error(t, err)
			assert.Nil(t, s)
			assert.Equal(t, strings.Join(tt.want, "\n"), err.Error())
			assert.ErrorIs(t, err, ErrInvalidSuite)
			assert.NotErrorIs(t, err, rules.ErrInvalidCatalog, "a suite error is not a catalog error")
			var list ErrorList
			require.ErrorAs(t, err, &list, "always an ErrorList, even for one error")
			assert.Len(t, list, len(tt.want))
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, "t.yaml", e.File)
		})
	}
}

func TestParseKeepsCausesAndPositions(t *testing.T) {
	src := "now: 2026-03-02T10:00:00Z\ntests:\n  - name: a\n    quote: {tier: a, spend: 1.001 USD}\n    expect: {total: 1 USD}\n"
	_, err := Parse("dir/t.yaml", []byte(src))
	require.Error(t, err)
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, 4, e.Line)
	assert.Equal(t, 29, e.Column)
	assert.Equal(t, "tests[0].quote.spend", e.Path)
	assert.ErrorIs(t, err, ErrInvalidSuite)
}

func TestParseResolvesCatalogPaths(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "tiers.yaml")
	for _, tc := range []struct {
		name, file, catalog string
		want                []string
	}{
		{"relative to the suite's folder", filepath.Join("ci", "suites", "t.yaml"), "[tiers.yaml, ../shared/calendars.yaml]",
			[]string{filepath.Join("ci", "suites", "tiers.yaml"), filepath.Join("ci", "shared", "calendars.yaml")}},
		{"suite in the working folder", "t.yaml", "one.yaml", []string{"one.yaml"}},
		{"absolute as written", filepath.Join("ci", "suites", "t.yaml"), abs, []string{abs}},
		{"absolute and relative", filepath.Join("ci", "t.yaml"), "[" + abs + ", tiers.yaml]", []string{abs, filepath.Join("ci", "tiers.yaml")}},
		{"absolute with a relative suite folder", filepath.Join("..", "t.yaml"), "/etc/hostname", []string{filepath.FromSlash("/etc/hostname")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "catalog: " + tc.catalog + "\ntests:\n  - name: a\n    compare: {from: a, to: b}\n    expect: {error: x}\n"
			s, err := Parse(tc.file, []byte(src))
			require.NoError(t, err)
			assert.Equal(t, tc.want, s.Catalog)
			require.Len(t, s.Tests, 1)
			assert.Equal(t, "compare", s.Tests[0].Kind)
			assert.Equal(t, tc.file+":3:5", s.Tests[0].Pos())
		})
	}
}
