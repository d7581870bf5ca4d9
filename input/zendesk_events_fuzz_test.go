package input

import (
	"testing"
)

// Any page of a Zendesk export is read without a panic, its errors
// positioned in it; what is read is what the audit needs: tickets opened
// with their events in order, instances from 1.
func FuzzZendeskExport(f *testing.F) {
	f.Add([]byte(`{"ticket_metric_events": [{"id": 1, "ticket_id": 9, "metric": "reply_time", "instance_id": 2, "type": "apply_sla", "time": "2026-07-02T20:00:00Z", "sla": {"target": 480, "business_hours": true, "policy": {"id": 25, "title": "Incidents"}}}, {"ticket_id": 9, "metric": "reply_time", "instance_id": 1, "type": "breach", "time": "2026-07-02T21:00:00+02:00", "deleted": true}], "next_page": null}`))
	f.Add([]byte(`{"audits": [{"id": 2, "ticket_id": 5, "created_at": "2026-07-06T14:00:00Z", "author_id": 20, "events": [{"type": "Comment", "public": true}, {"type": "Change", "field_name": "status", "value": "hold"}]}, {"id": 1, "ticket_id": 5, "created_at": "2026-07-06T13:00:00Z", "events": [{"type": "Create", "field_name": "priority", "value": "low"}, {"type": "Create", "field_name": "tags", "value": ["a", 1, {"b": null}]}, {"type": "Create", "field_name": "requester_id", "value": 7}]}]}`))
	f.Add([]byte(`{"audits": [{"ticket_id": 5, "created_at": "x", "events": {}}], "ticket_metric_events": 3}`))
	f.Add([]byte("[\"\\ud800\", -0.5e-3, tru"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var r ZendeskReader
		addErr := r.Add("z.json", src)
		checkErrorShape(t, "z.json", src, addErr)
		x, err := r.Export()
		checkErrorShape(t, "z.json", src, err)
		if addErr != nil && err == nil {
			t.Fatalf("Add failed (%v), Export did not", addErr)
		}
		if err != nil {
			return
		}
		for _, tk := range x.Tickets {
			if tk.Case.Opened.IsZero() {
				t.Fatalf("ticket %s has no opening", tk.ID)
			}
			prev := tk.Case.Opened
			for _, ev := range tk.Events {
				if ev.At.Before(prev) {
					t.Fatalf("ticket %s: events out of order", tk.ID)
				}
				prev = ev.At
			}
			if x.Latest.Before(prev) {
				t.Fatalf("latest %s before an event at %s", x.Latest, prev)
			}
		}
		for _, rec := range x.Recorded {
			if rec.Instance < 1 || rec.First.After(x.Latest) {
				t.Fatalf("bad instance: %+v (latest %s)", rec, x.Latest)
			}
		}
	})
}
