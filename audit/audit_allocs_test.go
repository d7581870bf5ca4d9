//go:build !race

package audit_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
)

// The allocation budget of reading and auditing a Zendesk export, per
// ticket of the benchmarks' export (5 audits, 13 metric events, 4 recorded
// instances): reading built a string for every value and a map of every
// event (113 allocations a ticket), the audit evaluated CEL for every
// condition of every event (129). Counts, not timings: they do not depend
// on the machine. (Without -race, which allocates.)
func TestAuditAllocationBudget(t *testing.T) {
	const tickets = 2_000
	e, err := rules.Load(catalogFile)
	require.NoError(t, err)
	pages := zendeskPages(tickets)
	var x *input.ZendeskExport
	read := testing.AllocsPerRun(2, func() {
		var r input.ZendeskReader
		for _, p := range pages {
			require.NoError(t, r.Add("page.json", p))
		}
		x, err = r.Export()
		require.NoError(t, err)
	})
	require.Len(t, x.Tickets, tickets)
	o := audit.Options{Tier: "zendesk", Latest: x.Latest, Aliases: input.ZendeskAliases(e.Metrics())}
	var rep audit.Report
	run := testing.AllocsPerRun(2, func() {
		rep, err = audit.Run(e, x.Tickets, x.Recorded, o)
		require.NoError(t, err)
	})
	require.Equal(t, tickets, rep.Summary.Tickets)
	t.Logf("%.1f allocations a ticket reading, %.1f auditing", read/tickets, run/tickets)
	assert.LessOrEqual(t, read/tickets, 9.0, "reading")
	assert.LessOrEqual(t, run/tickets, 22.0, "auditing")
}
