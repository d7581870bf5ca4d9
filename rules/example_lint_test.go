package rules_test

import (
	"fmt"

	"github.com/tiercel/tiercel/rules"
)

// A catalog that compiles but whose second rule never decides anything:
// the first has no condition and covers every tier and priority.
func ExampleLintSource() {
	src := `version: 1
tiers:
  gold: {name: Gold, response: {P1: 1h 24x7}}
rules:
  - {id: on-call, when: "true", within: 30m}
  - {id: vip, when: "case.attrs.vip == true", within: 15m}
`
	findings, err := rules.LintSource("tiers.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f)
	}
	// Output:
	// tiers.yaml:6:10: unreachable-rule: rule "vip" can never match: rule "on-call" (tiers.yaml:5) has no condition (when: true) and catches every tier and priority this rule's filters allow
}
