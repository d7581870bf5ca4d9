package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_CompareIn() {
	tokyo, err := slo.LoadZone("Asia/Tokyo")
	if err != nil {
		fmt.Println(err)
		return
	}
	// As written, Looker Premier and Enhanced both answer a P3 within 8h.
	// For an account in Tokyo over 2026, Enhanced counts business hours in
	// the account's zone and Looker's hours are Pacific: how do the
	// deadlines the account sees move?
	changes, err := rules.Default().CompareIn("looker-premier", "enhanced", rules.Scope{
		Zone:    "Asia/Tokyo",
		Country: "jp",
		From:    time.Date(2026, 1, 1, 0, 0, 0, 0, tokyo),
		To:      time.Date(2027, 1, 1, 0, 0, 0, 0, tokyo),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range changes {
		fmt.Printf("%s as written %-9s for the account %-8s from %s to %s\n", c.Priority, c.Kind, c.Effect.Kind,
			slo.FormatSigned(c.Effect.Min), slo.FormatSigned(c.Effect.Max))
	}
	// Output:
	// P1 as written unchanged for the account improved from -127h to 0
	// P2 as written unchanged for the account improved from -127h to 0
	// P3 as written unchanged for the account mixed    from -65h to +136h
	// P4 as written unchanged for the account mixed    from -65h to +136h
}
