package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_Tier() {
	e := rules.Default()
	// An alias finds its tier; the error of an unknown one lists the tiers.
	t, err := e.Tier("advanced")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.ID, t.Name, t.Aliases, "legacy:", t.Legacy)
	response := t.Targets["response"] // the targets of each metric, by name
	fmt.Println("P1", response[slo.P1], "P4", response[slo.P4])
	_, err = e.Tier("platinum")
	fmt.Println(err)
	// Output:
	// enhanced Enhanced Support [advanced] legacy: false
	// P1 1h 24x7 P4 8h business
	// unknown tier "platinum" (known: standard, enhanced, premium, looker-premier)
}

func ExampleEngine_Features() {
	f, err := rules.Default().Features("enhanced")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("languages", f.Languages)
	fmt.Println("channels", f.Channels)
	fmt.Println("Japanese:", f.HasLanguage("ja"), "phone:", f.HasChannel("phone"))
	// Output:
	// languages [en ja zh ko fr]
	// channels [console]
	// Japanese: true phone: false
}

func ExampleEngine_Calendar() {
	// Looker's 24x5 calendar runs in Pacific time from Sunday 17:00 to
	// Friday 17:00, without major US, UK and Japanese holidays.
	cal, ok := rules.Default().Calendar("looker-24x5")
	if !ok {
		fmt.Println("no such calendar")
		return
	}
	la, err := slo.LoadZone("America/Los_Angeles")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cal.Name(), "zone", cal.Zone())
	friday := time.Date(2026, 11, 20, 19, 0, 0, 0, la)
	fmt.Println("open on Friday at 19:00:", cal.IsOpen(friday))
	fmt.Println("opens next:", cal.Next(friday).Format(time.RFC1123))
	// Output:
	// looker-24x5 zone America/Los_Angeles
	// open on Friday at 19:00: false
	// opens next: Sun, 22 Nov 2026 17:00:00 PST
}
