package rules

import (
	"fmt"
	"strings"
	"testing"
)

// scalingCatalog generates a catalog of tiers tiers and rules rules. Even
// rules apply to every tier; odd rules to one tier each, so most tiers have a
// chain of their own and sharing identical chains alone cannot hide the cost
// of compiling every tier's chain from its rules' text.
func scalingCatalog(tiers, rules int) []byte {
	var b strings.Builder
	b.WriteString("tiers:\n")
	for i := range tiers {
		fmt.Fprintf(&b, "  t%d:\n    name: T%d\n    response: {P1: 1h 24x7, P2: 4h 24x7, P3: 8h 24x7, P4: 24h 24x7}\n", i, i)
	}
	b.WriteString("rules:\n")
	for i := range rules {
		fmt.Fprintf(&b, "  - id: r%d\n", i)
		if i%2 == 1 {
			fmt.Fprintf(&b, "    tiers: [t%d]\n", i%tiers)
		}
		fmt.Fprintf(&b, "    when: case.language == 'l%d' && case.account != 'a%d' && !has(case.attrs.k%d)\n    within: 30m\n", i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkCompileScaling compiles generated catalogs of 10, 100 and 1000
// tiers by 1, 25 and 250 rules; ns/op should grow with tiers + rules, not
// with their product:
//
//	go test -run '^$' -bench 'CompileScaling' -benchmem ./rules/
func BenchmarkCompileScaling(b *testing.B) {
	for _, tiers := range []int{10, 100, 1000} {
		for _, rules := range []int{1, 25, 250} {
			src := scalingCatalog(tiers, rules)
			b.Run(fmt.Sprintf("tiers=%d/rules=%d", tiers, rules), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Compile("scaling.yaml", src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
