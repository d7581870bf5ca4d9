package input

// The conditions of Zendesk's SLA metrics, CEL over tiercel's event. A
// public agent comment is an agent message whose attrs do not say public:
// false; Zendesk's statuses are new, open, pending, hold, solved, closed.
const (
	zdPublicAgent = "event.type == 'message' && event.by == 'agent' && !('public' in event.attrs && event.attrs['public'] == false)"
	zdCustomer    = "event.type == 'message' && event.by == 'customer' && !('public' in event.attrs && event.attrs['public'] == false)"
	zdSolved      = "event.status in ['solved', 'closed']"
	zdOpening     = "event.type == 'open' || event.reopened"
)

// updateLint silences tiercel lint on the update metrics, whose every
// start also stops: each public agent comment ends one update and starts
// the next, as Zendesk measures them.
const updateLint = "tiercel:lint-ignore start-implies-stop (each public agent comment ends one update and starts the next)"

// ZendeskMetric is one of Zendesk's SLA metrics as a catalog declares it
// (lifecycle.metrics): its name, Zendesk's definition, and the conditions
// that run its clock. The definitions are Zendesk's
// (https://support.zendesk.com/hc/en-us/articles/4408829459866).
type ZendeskMetric struct {
	Name, Meaning                             string
	Start, Stop, Pause, Resume, Reset, Reopen string
	StartComment                              string // why the catalog silences a lint finding
}

// zendeskMetrics are Zendesk's eight SLA metrics, in the API's order.
var zendeskMetrics = []ZendeskMetric{
	{Name: "first_reply_time", Meaning: "from the ticket's creation to the first public agent comment",
		Start: "event.type == 'open'", Stop: zdPublicAgent},
	{Name: "next_reply_time", Meaning: "from the oldest unanswered public customer comment to the next public agent comment",
		Start: zdCustomer + " && !(" + zdSolved + ")", Stop: "(" + zdPublicAgent + ") || " + zdSolved},
	{Name: "periodic_update_time", Meaning: "the time between public agent comments",
		Start: "(" + zdPublicAgent + ") && !(" + zdSolved + ")", Stop: "(" + zdPublicAgent + ") || " + zdSolved, StartComment: updateLint},
	{Name: "pausable_update_time", Meaning: "the time between public agent comments, paused while Pending",
		Start: "(" + zdPublicAgent + ") && !(" + zdSolved + ")", Stop: "(" + zdPublicAgent + ") || " + zdSolved,
		Pause: "event.status == 'pending'", Resume: "event.status != 'pending'", StartComment: updateLint},
	{Name: "requester_wait_time", Meaning: "the time in New, Open and On-hold (paused while Pending)",
		Start: zdOpening, Stop: zdSolved, Pause: "event.status == 'pending'", Resume: "event.status != 'pending'", Reopen: "continue"},
	{Name: "agent_work_time", Meaning: "the time in New and Open (paused while Pending and On-hold)",
		Start: zdOpening, Stop: zdSolved, Pause: "event.status in ['pending', 'hold']", Resume: "!(event.status in ['pending', 'hold'])", Reopen: "continue"},
	{Name: "total_resolution_time", Meaning: "from the ticket's creation to solved",
		Start: "event.type == 'open'", Stop: zdSolved, Reopen: "continue"},
	{Name: "group_ownership_time", Meaning: "the time the ticket is assigned to one group (a new group_id restarts it)",
		Start: zdOpening, Stop: zdSolved, Reset: "'group_id' in event.attrs", Reopen: "continue"},
}

// ZendeskSLAMetrics returns Zendesk's eight SLA metrics as the catalog
// ImportZendesk writes declares them.
func ZendeskSLAMetrics() []ZendeskMetric { return append([]ZendeskMetric(nil), zendeskMetrics...) }

// ZendeskMetricNames returns the names of Zendesk's SLA metrics.
func ZendeskMetricNames() []string {
	out := make([]string, len(zendeskMetrics))
	for i, m := range zendeskMetrics {
		out[i] = m.Name
	}
	return out
}

// zendeskMetricIndex returns the index of the named metric, -1 for none.
func zendeskMetricIndex(name string) int {
	for i, m := range zendeskMetrics {
		if m.Name == name {
			return i
		}
	}
	return -1
}
