package rules

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// hostileCatalog is a one-tier catalog with a rule per when, with ids r0, r1...
func hostileCatalog(whens ...string) string {
	var b strings.Builder
	b.WriteString("tiers:\n  t:\n    name: T\n    response: {P1: 1h 24x7, P2: 4h 24x7, P3: 8h 24x7, P4: 24h 24x7}\nrules:\n")
	for i, w := range whens {
		fmt.Fprintf(&b, "  - id: r%d\n    when: %s\n    within: 30m\n", i, w)
	}
	return b.String()
}

// whenAt is the 1-based column of the first occurrence of s in a rule's when
// line of hostileCatalog, whose value starts at column 11.
func whenAt(when, s string) int { return 11 + strings.Index(when, s) }

// costlyWhen is a condition under the compile-time limit of one expression
// whose worst case is a large share of it: up to 100 languages by 90 codes.
var costlyWhen = func() string {
	codes := make([]string, 90)
	for i := range codes {
		codes[i] = fmt.Sprintf("'c%d'", i)
	}
	return "tier.languages.exists(a, [" + strings.Join(codes, ", ") + "].exists(b, a == b))"
}()

// TestHostileCEL feeds the engine expressions and inputs whose work grows
// faster than their size. Each must end at once: with a positioned compile
// error, with ErrCostLimit, or with the right answer.
func TestHostileCEL(t *testing.T) {
	opened := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	bigConst := "case.language.matches('" + strings.Repeat("(?:a?){10}", 120) + "b')"
	hugeConst := "case.language.matches('" + strings.Repeat("(?:a?){1000}", 100) + "b')"
	oneCostly, err := Compile("t.yaml", []byte(hostileCatalog(costlyWhen)))
	require.NoError(t, err, "one costly rule is under the limit of one expression")
	perRule := oneCostly.rules[0].cost
	require.Positive(t, perRule)
	over := int(runtimeCostLimit / perRule) // the 0-based index of the rule that crosses the limit
	require.Less(t, over, 20)
	twenty := make([]string, 20)
	for i := range twenty {
		twenty[i] = costlyWhen
	}
	// A scan of a list the compile-time estimate takes to have 100 elements
	// costs about 5 per element at run time: one scan of 120k fits in the
	// limit, two do not.
	const scan = "case.attrs.l.exists(x, x == 'no')"
	list := make([]any, 120_000)
	for i := range list {
		list[i] = "yes"
	}
	long := make([]string, 30) // 30 x 3.9 KB: a chain far over CEL's 100k code points
	for i := range long {
		long[i] = fmt.Sprintf("case.language == '%d%s'", i, strings.Repeat("x", 3900))
	}
	for _, tc := range []struct {
		name    string
		catalog string
		kase    Case   // decided when the catalog compiles
		compile string // the whole compile error, as a regular expression; "" when it must compile
		is      error  // the error Compile or Deadline must wrap; nil when a rule must decide
		rule    string // the rule that must decide
	}{
		{
			name:    "constant regex whose program is too large",
			catalog: hostileCatalog(bigConst),
			compile: fmt.Sprintf(`^t\.yaml:7:%d: rules\[0\]\.when: regular expression too large: its program has \d+ instructions, over the limit 1000$`, whenAt(bigConst, "'")),
			is:      ErrCostLimit,
		},
		{
			name:    "constant 1.2 KB regex of a thousand repeats",
			catalog: hostileCatalog(hugeConst),
			compile: fmt.Sprintf(`^t\.yaml:7:%d: rules\[0\]\.when: (error parsing regexp: expression too large|regular expression too large: .*)$`, whenAt(hugeConst, "'")),
			is:      ErrCostLimit,
		},
		{
			name:    "constant regex that does not compile",
			catalog: hostileCatalog("case.language.matches('(')"),
			compile: fmt.Sprintf(`^t\.yaml:7:%d: rules\[0\]\.when: error parsing regexp: missing closing \): .*$`, whenAt("case.language.matches('(')", "'")),
			is:      ErrInvalidCatalog,
		},
		{
			name:    "small constant regex over a long input",
			catalog: hostileCatalog("case.language.matches('^(a|b)*c$')"),
			kase:    Case{Language: strings.Repeat("ab", 100_000)},
			is:      ErrCostLimit,
		},
		{
			name:    "dynamic 700-byte pattern over a 120 KB input",
			catalog: hostileCatalog("case.language.matches(case.account)"),
			kase:    Case{Account: strings.Repeat("a?", 350), Language: strings.Repeat("a", 120_000)},
			is:      ErrCostLimit,
		},
		{
			name:    "dynamic pattern whose program is too large",
			catalog: hostileCatalog("case.language.matches(case.account)"),
			kase:    Case{Account: strings.Repeat("(?:a?){10}", 120) + "b", Language: "a"},
			is:      ErrCostLimit,
		},
		{
			name:    "dynamic pattern longer than an expression",
			catalog: hostileCatalog("matches(case.language, case.account)"),
			kase:    Case{Account: strings.Repeat("a", maxExprLength+1), Language: "a"},
			is:      ErrCostLimit,
		},
		{
			name:    "dynamic pattern within the limits matches",
			catalog: hostileCatalog("case.language.matches(case.account)"),
			kase:    Case{Account: "^j[a-z]$", Language: "ja"},
			rule:    "r0",
		},
		{
			name:    "format over a million attributes",
			catalog: hostileCatalog("size('%s'.format([case.attrs.big])) > 0"),
			kase:    Case{Attrs: map[string]any{"big": make([]any, 1_000_000)}},
			is:      ErrCostLimit,
		},
		{
			name:    "format within the limits formats",
			catalog: hostileCatalog("case.language != '' && '%s-%s'.format([case.language, case.attrs.n]) == 'ja-3'"),
			kase:    Case{Language: "ja", Attrs: map[string]any{"n": 3}},
			rule:    "r0",
		},
		{
			name:    "twenty rules each under the limit, over it together",
			catalog: hostileCatalog(twenty...),
			compile: fmt.Sprintf(`^t\.yaml:%d:11: rules\[%d\]\.when: the rules before it and this one may cost up to %d, over the limit 1000000 \(tier "t", P1\): make the conditions cheaper or limit the rules to fewer tiers or priorities$`,
				7+3*over, over, uint64(over+1)*perRule),
			is: ErrCostLimit,
		},
		{
			name:    "one rule over a long list stays under the runtime limit",
			catalog: hostileCatalog(scan),
			kase:    Case{Attrs: map[string]any{"l": list}},
			rule:    "tiers.t.response.P1",
		},
		{
			name:    "the runtime limit covers the whole chain, not each rule",
			catalog: hostileCatalog(scan, scan),
			kase:    Case{Attrs: map[string]any{"l": list}},
			is:      ErrCostLimit,
		},
		{
			name:    "a chain of more than 100k code points compiles and decides",
			catalog: hostileCatalog(long...),
			kase:    Case{Language: "29" + strings.Repeat("x", 3900)},
			rule:    "r29",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Compile("t.yaml", []byte(tc.catalog))
			if tc.compile != "" {
				require.Error(t, err)
				assert.Regexp(t, regexp.MustCompile(tc.compile), err.Error())
				assert.ErrorIs(t, err, ErrInvalidCatalog)
				assert.ErrorIs(t, err, tc.is)
				var pe *Error
				require.True(t, errors.As(err, &pe), "want a positioned *Error, got %T", err)
				return
			}
			require.NoError(t, err)
			c := tc.kase
			c.Tier, c.Priority, c.Opened = "t", slo.P1, opened
			d, err := e.Deadline(c)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.rule, d.Rule)
		})
	}
}

// TestIdenticalChainsShareOneDecision checks that tiers and priorities with
// the same rules share the decision of those rules.
func TestIdenticalChainsShareOneDecision(t *testing.T) {
	e, err := Compile("scaling.yaml", scalingCatalog(4, 3))
	require.NoError(t, err)
	// r0 and r2 apply everywhere, r1 to t1 only.
	assert.Same(t, e.tiers["t0"].objectives[response].decide[slo.P1], e.tiers["t2"].objectives[response].decide[slo.P4])
	assert.NotSame(t, e.tiers["t0"].objectives[response].decide[slo.P1], e.tiers["t1"].objectives[response].decide[slo.P1])
	assert.Len(t, e.tiers["t1"].objectives[response].decide[slo.P1].rules, 3)
	assert.Len(t, e.tiers["t0"].objectives[response].decide[slo.P1].rules, 2)
}
