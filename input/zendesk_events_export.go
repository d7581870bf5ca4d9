package input

import (
	"bytes"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/internal/yamlpos"
)

// ZendeskExport is what an audit reads from a Zendesk account: the
// tickets' histories (from their audits) and what Zendesk recorded of
// their SLA metrics (from the ticket metric events). It is not changed
// once read and may be shared between goroutines.
type ZendeskExport struct {
	Tickets  []Ticket   // in the order first written
	Recorded []Recorded // in the order first written
	Latest   time.Time  // the latest instant of the audits and events
}

// ZendeskReader joins the pages of a Zendesk export, each a JSON document
// as the API returns it, in any order:
//
//   - GET /api/v2/incremental/ticket_metric_events: an object whose
//     "ticket_metric_events" is a list of events, each with ticket_id,
//     metric (one of ZendeskMetrics), instance_id, type (one of
//     ZendeskEventTypes) and time (RFC 3339) required; an apply_sla or
//     apply_group_sla event's "sla" or "group_sla" is {target (minutes),
//     business_hours, policy {id, title}}; a breach event with "deleted":
//     true was withdrawn by Zendesk and is not a breach
//     (https://developer.zendesk.com/documentation/ticketing/reference-guides/ticket-metric-event-types-reference/).
//     Events fold into one Recorded per ticket, metric and instance: its
//     last apply_sla's target, its last fulfill, its first breach.
//   - GET /api/v2/ticket_audits (or /api/v2/tickets/{id}/audits): an
//     object whose "audits" is a list of audits, each with ticket_id and
//     created_at (RFC 3339) required, author_id and events; see Ticket for
//     how they make a ticket's case and events.
//
// Other keys (a page's next_page, count, end_time; an event's status, id)
// are skipped, as Zendesk asks of integrations. The zero value is ready to
// use; a ZendeskReader is used by one goroutine.
type ZendeskReader struct {
	rec    recorder
	audits chunks[zendeskAudit]
	ar     auditReader
	tab    *zTables
	latest time.Time
	errs   ErrorList
}

// Add reads one page, src, named name in errors. Its errors are an
// ErrorList wrapping ErrInvalidZendeskEvents, "name:line:col: path:
// message", every problem of the page at once (a page of another kind is
// one); Export returns them too.
func (r *ZendeskReader) Add(name string, src []byte) error {
	errs := newRowErrors(name, ErrInvalidZendeskEvents)
	z := newZscan(name, bytes.TrimPrefix(src, bom), errs)
	if r.tab == nil {
		r.tab = z.tab
	}
	z.tab = r.tab
	z.page(func(key string) {
		z.arrayAt(pathOf(key), func(i int) {
			if key == "audits" {
				if a, ok := r.ar.readAudit(z, i); ok {
					r.audits.add(a)
					r.latest = later(r.latest, a.at)
				}
				return
			}
			r.rec.event(z, elemOf(key, i))
		})
	})
	list := errs.d.Errors()
	r.errs = append(r.errs, list...)
	return list.Err()
}

// Export builds the tickets from the audits added and returns the export,
// or every error of every page added (capped at MaxErrors) and of the
// tickets built: a ticket whose audits hold no Create event is an error at
// its first audit.
func (r *ZendeskReader) Export() (*ZendeskExport, error) {
	d := yamlpos.NewDecoder("", nil, ErrInvalidZendeskEvents)
	if r.tab == nil {
		r.tab = newZTables()
	}
	tickets := buildTickets(d, &r.audits, r.tab)
	if err := append(r.errs, d.Errors()...).Err(); err != nil {
		return nil, err
	}
	return &ZendeskExport{Tickets: tickets, Recorded: r.rec.out.all(), Latest: later(r.latest, r.rec.latest)}, nil
}

// LoadZendeskExport reads the pages at paths (see ZendeskReader) and
// returns the export. Only regular files of at most 16 MiB are read. Errors
// wrap ErrInvalidZendeskEvents: every error found in every page, or why a
// file could not be read.
func LoadZendeskExport(paths ...string) (*ZendeskExport, error) {
	var r ZendeskReader
	for _, p := range paths {
		src, err := readfile.Read(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidZendeskEvents, err)
		}
		_ = r.Add(p, src) // Export returns every page's errors
	}
	return r.Export()
}

// later returns the later of two instants.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
