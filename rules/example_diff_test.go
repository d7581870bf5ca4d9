package rules_test

import (
	"fmt"
	"log"
	"time"

	"github.com/tiercel/tiercel/rules"
)

// Diff reports what changed between two catalogs on every surface; here a
// calendar edit moves due instants although no written target changed.
func ExampleDiff() {
	old, err := rules.Compile("old.yaml", []byte(`
calendars:
  office: {zone: America/New_York, hours: {mon-fri: "09:00-17:00"}}
tiers:
  basic: {name: Basic, response: {P1: 4h office}}
`))
	if err != nil {
		log.Fatal(err)
	}
	edited, err := rules.Compile("new.yaml", []byte(`
calendars:
  office: {zone: America/New_York, hours: {mon-fri: "10:00-17:00"}}
tiers:
  basic: {name: Basic Support, response: {P1: 4h office}}
`))
	if err != nil {
		log.Fatal(err)
	}
	scope := &rules.Scope{From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)}
	r, err := rules.Diff(old, edited, rules.DiffOptions{Scope: scope})
	if err != nil {
		log.Fatal(err)
	}
	target := r.Tiers[0].Targets[0]
	fmt.Println("changed:", r.Changed)
	fmt.Println(target.Metric, target.Priority, target.Old, "->", target.New, "calendar", target.Calendar[0].Path, "changed")
	fmt.Println("effect:", target.Effect)
	fmt.Println("cosmetic:", r.Cosmetic[0].Path)
	// Output:
	// changed: true
	// response P1 4h office -> 4h office calendar hours changed
	// effect: degraded (0, +1h)
	// cosmetic: tiers.basic.name
}
