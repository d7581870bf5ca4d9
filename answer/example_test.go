package answer_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// A deadline as the command writes it with --output json and the service
// returns it: instants in the zone the answer was computed in, the target's
// duration as exact seconds beside its text.
func ExampleNewDeadline() {
	tokyo, err := slo.LoadZone("Asia/Tokyo")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, tokyo), Zone: "Asia/Tokyo"}
	d, err := rules.Default().Deadline(c)
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(answer.NewDeadline("enhanced", c, d, nil)); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "tier": "enhanced",
	//   "priority": "P2",
	//   "opened": "2026-03-06T16:30:00+09:00",
	//   "zone": "Asia/Tokyo",
	//   "due": "2026-03-06T20:30:00+09:00",
	//   "target": {
	//     "within": {
	//       "seconds": 14400,
	//       "text": "4h"
	//     },
	//     "calendar": "24x7",
	//     "text": "4h 24x7"
	//   },
	//   "rule": "tiers.enhanced.response.P2"
	// }
}

// A quote's amounts are money objects: the exact decimal amount, the
// currency and the minor units as an integer.
func ExampleNewQuote() {
	q, err := rules.Default().Quote("enhanced", money.MustParseMoney("85000 USD"))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := json.Marshal(answer.NewQuote(q, false).Total)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {"amount":"6150.00","currency":"USD","minor":615000}
}

// Check holds a JSON answer to the convention, as a test of a command's or
// a service's output does.
func ExampleCheck() {
	fmt.Println(answer.Check([]byte(`{"due":"2026-03-09T11:30:00+09:00","within":{"seconds":7200,"text":"2h"}}`)))
	fmt.Println(answer.Check([]byte(`{"within":"2h"}`)))
	fmt.Println(answer.Check([]byte(`{"share":0.25}`)))
	// Output:
	// <nil>
	// not the JSON convention of tiercel's answers: $.within: duration "2h" written as text
	// not the JSON convention of tiercel's answers: $.share: 0.25 is not an integer
}
