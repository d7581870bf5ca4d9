package rules

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// everyTarget matches every target "<d> <calendar>" of a catalog
// for rewriting as "<d>30m <calendar>", so that every metric × priority of every tier
// changes and carries an effect.
var everyTarget = regexp.MustCompile(`(P[1-4]): (\d+)([hm]) `)

// BenchmarkDiffDefault diffs the default catalog against a copy in which
// every target of every tier changed, with one-year effects for an account
// in New York with US holidays.
func BenchmarkDiffDefault(b *testing.B) {
	src, err := os.ReadFile("catalog/default.yaml")
	require.NoError(b, err)
	edited := everyTarget.ReplaceAllString(string(src), "$1: $2${3}30m ")
	require.NotEqual(b, string(src), edited)
	old := Default()
	nw := compileText(b, "edited.yaml", edited)
	scope := &Scope{Zone: "America/New_York", Country: "us",
		From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	r, err := Diff(old, nw, DiffOptions{Scope: scope})
	require.NoError(b, err)
	effects := 0
	for _, t := range r.Tiers {
		for _, g := range t.Targets {
			require.NotNil(b, g.Effect, "%s %s %s: %s", t.Tier, g.Metric, g.Priority, g.EffectError)
			effects++
		}
	}
	require.Equal(b, 16, effects, "every priority of every tier")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Diff(old, nw, DiffOptions{Scope: scope}); err != nil {
			b.Fatal(err)
		}
	}
}

// largeCatalog writes a catalog of n tiers, each with targets for every
// metric and priority, a price of three bands and rules rules of its own;
// edited changes every tier's P1 response target, one price band and one
// rule per tier.
func largeCatalog(n, rules int, edited bool) string {
	var b strings.Builder
	b.WriteString("calendars:\n  office: {zone: America/New_York, hours: {mon-fri: \"09:00-17:00\"}, holidays: [us]}\ntiers:\n")
	p1, rate := "1h", "7%"
	if edited {
		p1, rate = "2h", "6%"
	}
	for i := range n {
		fmt.Fprintf(&b, "  t%d:\n    name: T%d\n    response: {P1: %s 24x7, P2: 4h office, P3: 8h office, P4: 24h office}\n", i, i, p1)
		fmt.Fprintf(&b, "    resolution: {P1: 24h 24x7, P2: 40h office, P3: 80h office, P4: 160h office}\n")
		fmt.Fprintf(&b, "    price: {currency: USD, minimum: \"100\", bands: [{upTo: \"10000\", rate: 10%%}, {upTo: \"80000\", rate: %s}, {rate: 5%%}]}\n", rate)
	}
	b.WriteString("rules:\n")
	for i := range n {
		for j := range rules {
			within := fmt.Sprintf("%dm", 10+j)
			if edited && j == 0 {
				within = "5m"
			}
			fmt.Fprintf(&b, "  - {id: r%d-%d, when: \"case.attrs.?k%d.orValue(false) == true\", tiers: [t%d], priorities: [P%d], within: %s}\n", i, j, j, i, 1+j%4, within)
		}
	}
	return b.String()
}

// BenchmarkDiffLarge diffs two catalogs of n tiers × 25 rules each, with
// one-year effects; the sizes show that the time is linear in n.
func BenchmarkDiffLarge(b *testing.B) {
	scope := &Scope{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, n := range []int{25, 50, 100} {
		b.Run(fmt.Sprintf("tiers=%d", n), func(b *testing.B) {
			old := compileText(b, "old.yaml", largeCatalog(n, 25, false))
			nw := compileText(b, "new.yaml", largeCatalog(n, 25, true))
			r, err := Diff(old, nw, DiffOptions{Scope: scope})
			require.NoError(b, err)
			require.Len(b, r.Tiers, n)
			require.Len(b, r.Rules, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Diff(old, nw, DiffOptions{Scope: scope}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
