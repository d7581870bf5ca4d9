package audit_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// benchTickets is how many tickets the audit benchmarks read, in pages of
// benchPage tickets (Zendesk pages hold up to 1,000 records).
const (
	benchTickets = 100_000
	benchPage    = 1_000
)

// zendeskPages writes the Zendesk export of n tickets, one opened every 5
// minutes from 2026-07-01 (a year of tickets), each answered after 2h,
// asked again after 26h, answered after 28h and solved after 30h, with the
// metric events Zendesk records for them (13 a ticket): pages of audits,
// then pages of metric events.
func zendeskPages(n int) [][]byte {
	base := time.Date(2026, 7, 1, 13, 0, 0, 0, time.UTC)
	prios := []string{"urgent", "high", "normal", "low"}
	first := []int{60, 480, 1440, 2880}
	var pages [][]byte
	for start := 0; start < n; start += benchPage {
		var a, m strings.Builder
		a.WriteString(`{"audits":[`)
		m.WriteString(`{"ticket_metric_events":[`)
		for i := start; i < min(start+benchPage, n); i++ {
			id, p := 1000+i, i%4
			at := func(h int) string {
				return base.Add(time.Duration(i)*5*time.Minute + time.Duration(h)*time.Hour).Format(time.RFC3339)
			}
			sep := ","
			if i == start {
				sep = ""
			}
			fmt.Fprintf(&a, `%s{"id":%d,"ticket_id":%d,"created_at":%q,"author_id":7,"events":[{"type":"Comment","public":true,"author_id":7},`+
				`{"type":"Create","field_name":"status","value":"new"},{"type":"Create","field_name":"priority","value":%q},`+
				`{"type":"Create","field_name":"type","value":"incident"},{"type":"Create","field_name":"tags","value":["a","b"]},{"type":"Create","field_name":"requester_id","value":"7"}]},`+
				`{"id":%d,"ticket_id":%d,"created_at":%q,"author_id":8,"events":[{"type":"Comment","public":true,"author_id":8},{"type":"Change","field_name":"status","value":"pending"}]},`+
				`{"id":%d,"ticket_id":%d,"created_at":%q,"author_id":7,"events":[{"type":"Comment","public":true,"author_id":7},{"type":"Change","field_name":"status","value":"open"}]},`+
				`{"id":%d,"ticket_id":%d,"created_at":%q,"author_id":8,"events":[{"type":"Comment","public":true,"author_id":8}]},`+
				`{"id":%d,"ticket_id":%d,"created_at":%q,"author_id":8,"events":[{"type":"Change","field_name":"status","value":"solved"}]}`,
				sep, 5*id, id, at(0), prios[p], 5*id+1, id, at(2), 5*id+2, id, at(26), 5*id+3, id, at(28), 5*id+4, id, at(30))
			ev := func(metric string, inst int, typ string, h int, extra string) {
				fmt.Fprintf(&m, `%s{"ticket_id":%d,"metric":%q,"instance_id":%d,"type":%q,"time":%q%s}`, sep, id, metric, inst, typ, at(h), extra)
				sep = ","
			}
			sla := func(minutes int) string {
				return fmt.Sprintf(`,"sla":{"target":%d,"business_hours":true,"policy":{"id":25,"title":"Incidents"}}`, minutes)
			}
			ev("reply_time", 1, "activate", 0, "")
			ev("reply_time", 1, "apply_sla", 0, sla(first[p]))
			ev("reply_time", 1, "fulfill", 2, "")
			ev("reply_time", 2, "activate", 26, "")
			ev("reply_time", 2, "apply_sla", 26, sla(120))
			ev("reply_time", 2, "fulfill", 28, "")
			ev("requester_wait_time", 1, "activate", 0, "")
			ev("requester_wait_time", 1, "apply_sla", 0, sla(960))
			ev("requester_wait_time", 1, "pause", 2, "")
			ev("requester_wait_time", 1, "activate", 26, "")
			ev("requester_wait_time", 1, "fulfill", 30, "")
			ev("resolution_time", 1, "activate", 0, "")
			ev("resolution_time", 1, "fulfill", 30, "")
		}
		a.WriteString(`]}`)
		m.WriteString(`]}`)
		pages = append(pages, []byte(a.String()), []byte(m.String()))
	}
	return pages
}

// readPages reads the pages as tiercel audit does.
func readPages(b *testing.B, pages [][]byte) *input.ZendeskExport {
	var r input.ZendeskReader
	for i, p := range pages {
		if err := r.Add(fmt.Sprintf("page%d.json", i), p); err != nil {
			b.Fatal(err)
		}
	}
	x, err := r.Export()
	if err != nil {
		b.Fatal(err)
	}
	return x
}

// BenchmarkAudit100k reads the Zendesk export of 100,000 tickets (1.3M
// metric events, 500,000 audits) and audits it: the whole of tiercel audit
// but the printing. Run on one core:
//
//	go test ./audit -run '^$' -bench 'Audit100k' -benchtime 3x -cpu 1
func BenchmarkAudit100k(b *testing.B) {
	e, err := rules.Load(catalogFile)
	require.NoError(b, err)
	pages := zendeskPages(benchTickets)
	b.ReportAllocs()
	for b.Loop() {
		x := readPages(b, pages)
		rep, err := audit.Run(e, x.Tickets, x.Recorded, audit.Options{Tier: "zendesk", Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())})
		if err != nil || rep.Summary.Tickets != benchTickets || rep.Summary.Counts[audit.Failed] > 0 {
			b.Fatalf("%v: %+v", err, rep.Summary.Counts)
		}
	}
}

// BenchmarkRead100k is the reading alone of the export of 100,000 tickets
// (ZendeskReader.Add of its 200 pages, then Export).
func BenchmarkRead100k(b *testing.B) {
	pages := zendeskPages(benchTickets)
	b.ReportAllocs()
	for b.Loop() {
		x := readPages(b, pages)
		if len(x.Tickets) != benchTickets || len(x.Recorded) != 4*benchTickets {
			b.Fatalf("%d tickets, %d recorded", len(x.Tickets), len(x.Recorded))
		}
	}
}

// BenchmarkRun100k is the audit of 100,000 tickets already read.
func BenchmarkRun100k(b *testing.B) {
	e, err := rules.Load(catalogFile)
	require.NoError(b, err)
	x := readPages(b, zendeskPages(benchTickets))
	o := audit.Options{Tier: "zendesk", Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := audit.Run(e, x.Tickets, x.Recorded, o); err != nil {
			b.Fatal(err)
		}
	}
}
