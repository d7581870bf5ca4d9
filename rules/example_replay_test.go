package rules_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func ExampleEngine_Replay() {
	tokyo, err := slo.LoadZone("Asia/Tokyo")
	if err != nil {
		fmt.Println(err)
		return
	}
	// Four cases a Tokyo account opened on Looker Premier (Looker's 24x5
	// Pacific hours), decided again as if the account had been on Enhanced
	// (24x7 for P1 and P2, business hours in the account's zone for P3 and P4).
	opened := func(day, hour int) time.Time { return time.Date(2026, 6, day, hour, 0, 0, 0, tokyo) }
	history := []rules.Case{
		{Priority: slo.P1, Opened: opened(1, 10), Zone: "Asia/Tokyo"},
		{Priority: slo.P2, Opened: opened(6, 9), Zone: "Asia/Tokyo"}, // a Saturday
		{Priority: slo.P3, Opened: opened(10, 16), Zone: "Asia/Tokyo"},
		{Priority: slo.P3, Opened: opened(12, 20), Zone: "Asia/Tokyo"}, // a Friday evening
	}
	r, err := rules.Default().Replay(history, "looker-premier", "advanced")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s -> %s: %d cases, %d later, %d earlier, %d the same\n", r.From, r.To, r.Cases, r.Later, r.Earlier, r.Same)
	fmt.Printf("at most %s later (case %d), %s earlier (case %d)\n", slo.FormatDuration(r.MaxLater), r.MaxLaterCase, slo.FormatDuration(r.MaxEarlier), r.MaxEarlierCase)
	for _, p := range []slo.Priority{slo.P1, slo.P2, slo.P3} {
		d := r.ByPriority[p]
		fmt.Printf("%s: %d case(s), median delay %s\n", p, d.Cases, slo.FormatSigned(d.Median))
	}
	// Output:
	// looker-premier -> enhanced: 4 cases, 2 later, 1 earlier, 1 the same
	// at most 61h later (case 3), 48h earlier (case 1)
	// P1: 1 case(s), median delay 0
	// P2: 1 case(s), median delay -48h
	// P3: 2 case(s), median delay +16h
}
