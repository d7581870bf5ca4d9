package rules_test

import (
	"fmt"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The wording of a priority is the catalog's: Google's for the default
// catalog, AWS's severities for the aws one, none for a catalog without a
// priorities section.
func ExampleEngine_PriorityMeaning() {
	aws, err := rules.Named("aws")
	if err != nil {
		panic(err)
	}
	custom, err := rules.Compile("tiers.yaml", []byte("tiers:\n  x: {name: X, response: {P1: 1h 24x7}}\n"))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", rules.Default().PriorityMeaning(slo.P2))
	fmt.Printf("%q\n", aws.PriorityMeaning(slo.P2))
	fmt.Printf("%q\n", custom.PriorityMeaning(slo.P2))
	// Output:
	// "High impact: service use severely impaired"
	// "Production system impaired"
	// ""
}
