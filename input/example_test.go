package input_test

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/input"
)

// A date is the first instant of its day in the zone; a local time is
// read in the zone, a time skipped by daylight saving time moved forward.
func ExampleParseTime() {
	ny, _ := time.LoadLocation("America/New_York")
	for _, s := range []string{"2026-03-06", "2026-03-06T16:30", "2026-03-08T02:30", "2026-03-06T16:30:00+09:00"} {
		t, _ := input.ParseTime(s, ny)
		fmt.Println(s, "=", t.Format(time.RFC3339))
	}
	santiago, _ := time.LoadLocation("America/Santiago")
	t, _ := input.ParseTime("2026-09-06", santiago)
	fmt.Println("2026-09-06 in Santiago =", t.Format(time.RFC3339))
	// Output:
	// 2026-03-06 = 2026-03-06T00:00:00-05:00
	// 2026-03-06T16:30 = 2026-03-06T16:30:00-05:00
	// 2026-03-08T02:30 = 2026-03-08T03:30:00-04:00
	// 2026-03-06T16:30:00+09:00 = 2026-03-06T16:30:00+09:00
	// 2026-09-06 in Santiago = 2026-09-06T01:00:00-03:00
}

// A case file's errors are listed all at once, each where it is written.
func ExampleParseCaseFile() {
	src := `tier: std
priority: P9
opened: 2026-03-05
zone: Europe/Berlin
now: 2026-03-06T12:00
events:
  - {at: 2026-03-05T11:00, type: reply}
  - {at: 2026-03-07T09:00, type: note}
`
	_, err := input.ParseCaseFile("case.yaml", []byte(src))
	fmt.Println(err)
	// Output:
	// case.yaml:2:11: priority: invalid priority "P9": want one of P1, P2, P3, P4
	// case.yaml:7:34: events[0].type: unknown type "reply" (known: message, status, priority, tier, note)
	// case.yaml:8:10: events[1].at: at 2026-03-07T09:00:00+01:00 is after now 2026-03-06T12:00:00+01:00
}

func ExampleParseCSV() {
	src := "opened,priority,zone,plan\n2026-03-06,P2,Asia/Tokyo,gold\n2026-03-06T09:30:00Z,P1,,\n"
	h, err := input.ParseCSV("cases.csv", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, c := range h.Cases {
		fmt.Println(h.Lines[i], c.Priority, c.Opened.Format(time.RFC3339), c.Attrs)
	}
	// Output:
	// 2 P2 2026-03-06T00:00:00+09:00 map[plan:gold]
	// 3 P1 2026-03-06T09:30:00Z map[]
}

// A ticket of a Zendesk export, rebuilt from its audits, becomes a History
// read at an instant: here the export's latest, as tiercel impact reads it.
func ExampleTicket_History() {
	page := `{"audits": [
  {"id": 1, "ticket_id": 7, "created_at": "2026-07-06T13:00:00Z", "author_id": 10,
   "events": [{"type": "Create", "field_name": "priority", "value": "urgent"},
              {"type": "Create", "field_name": "requester_id", "value": "10"}]},
  {"id": 2, "ticket_id": 7, "created_at": "2026-07-06T14:00:00Z", "author_id": 20,
   "events": [{"type": "Comment", "public": true, "body": "On it"}]}
]}`
	var r input.ZendeskReader
	_ = r.Add("audits.json", []byte(page)) // Export returns every page's errors
	x, err := r.Export()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range x.Tickets {
		h, _ := t.History("zendesk", x.Latest)
		fmt.Println("ticket", t.ID, "at", h.At(), "on", h.Case.Tier, h.Case.Priority, "read at", h.Now.Format(time.RFC3339))
		for _, ev := range h.Events {
			fmt.Println(" ", ev.At.Format(time.RFC3339), ev.Type, ev.By)
		}
	}
	// Output:
	// ticket 7 at audits.json:2:3 on zendesk P1 read at 2026-07-06T14:00:00Z
	//   2026-07-06T14:00:00Z message agent
}
