package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/audit"
	"github.com/tiercel/tiercel/rules"
)

const (
	zendeskCatalog = "../../examples/zendesk/catalog.yaml"
	zendeskAudits  = "../../examples/zendesk/audits.json"
	zendeskEvents  = "../../examples/zendesk/metric_events.json"
)

var goldenAudit = []goldenCase{
	{"audit", []string{"audit", zendeskCatalog, zendeskAudits, zendeskEvents}, exitOK},
	{"audit-json", []string{"audit", "--output", "json", zendeskCatalog, zendeskEvents, zendeskAudits}, exitOK},
	{"audit-csv", []string{"audit", "--output", "csv", zendeskCatalog, zendeskAudits, zendeskEvents}, exitOK},
	{"audit-fail-on-disagree", []string{"audit", "--fail-on-disagree", zendeskCatalog, zendeskAudits, zendeskEvents}, exitFail},
	{"audit-now", []string{"audit", "--now", "2026-07-06T14:00:00Z", zendeskCatalog, zendeskAudits, zendeskEvents}, exitOK},
	{"audit-bad-events", []string{"audit", zendeskCatalog, zendeskAudits, "testdata/zendesk-bad-events.json"}, exitInput},
	{"audit-wrong-kind", []string{"audit", zendeskCatalog, zendeskCatalog}, exitInput},
	{"audit-unknown-tier", []string{"audit", "--tier", "gold", zendeskCatalog, zendeskAudits}, exitUndecidable},
	{"audit-one-argument", []string{"audit", zendeskCatalog}, exitUsage},
	{"audit-catalog-flag", []string{"audit", "--builtin", "aws", zendeskCatalog, zendeskAudits}, exitUsage},
	{"audit-output-yaml", []string{"audit", "--output", "yaml", zendeskCatalog, zendeskAudits}, exitUsage},
	{"audit-help", []string{"audit", "--help"}, exitOK},
}

func TestAuditGolden(t *testing.T) { runGolden(t, goldenAudit) }

// The JSON and CSV outputs say what the text says: the example's two
// disagreements on breaches.
func TestAuditOutputs(t *testing.T) {
	stdout, stderr, code := runCmd(t, "audit", "--output", "json", zendeskCatalog, zendeskAudits, zendeskEvents)
	require.Equal(t, exitOK, code, stderr)
	var rep struct {
		Summary struct {
			Counts           map[string]int
			RecordedBreaches []struct{ Ticket, Metric string }
			CatalogBreaches  []struct{ Ticket, Metric string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	assert.Equal(t, 5, rep.Summary.Counts["agree"])
	assert.Equal(t, []struct{ Ticket, Metric string }{{"102", "response"}}, rep.Summary.RecordedBreaches)
	assert.Equal(t, []struct{ Ticket, Metric string }{{"103", "response"}}, rep.Summary.CatalogBreaches)

	stdout, stderr, code = runCmd(t, "audit", "--output", "csv", zendeskCatalog, zendeskAudits, zendeskEvents)
	require.Equal(t, exitOK, code, stderr)
	records, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 9, "a header and 8 rows")
	assert.Equal(t, []string{"102", "response", "1", "recorded-breach"}, records[4][:4])
	assert.Equal(t, []string{"103", "total_resolution_time", "1", "agree"}, records[7][:4])
	assert.Equal(t, []string{"0", "0"}, records[7][10:12], "ended and breached at the same instants on both sides")
	assert.Equal(t, []string{"0", ""}, records[6][10:12], "both ended at once; only the catalog breached: no due difference to give")
}

// A cycle's end is shown when the cycle ended, even at 0001-01-01 (the
// zero instant is an instant), and "-" while it runs; a due instant needs
// a target.
func TestAuditCycleTime(t *testing.T) {
	ended := &audit.Row{HasCycle: true, Cycle: rules.Cycle{State: rules.CycleAchieved}}
	assert.Equal(t, "0001-01-01T00:00:00Z", cycleTime(ended, ended.Cycle.End, ended.Cycle.Ended()))
	running := &audit.Row{HasCycle: true, Cycle: rules.Cycle{State: rules.CycleRunning}}
	assert.Equal(t, "-", cycleTime(running, running.Cycle.End, running.Cycle.Ended()))
	assert.Equal(t, "-", cycleTime(&audit.Row{}, time.Time{}, true), "no cycle")
}

// The audit of tickets opened at 0001-01-01T00:00:00Z writes the instants
// recorded then, in every output: a fulfillment or a breach at the zero
// instant is recorded, not null or "-" (it was, before presence was
// explicit).
func TestAuditYearOne(t *testing.T) {
	const dir = "../../audit/testdata/year1/"
	args := []string{dir + "catalog.yaml", dir + "audits.json", dir + "metric_events.json"}
	stdout, stderr, code := runCmd(t, append([]string{"audit", "--output", "json"}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	var rep struct {
		Now  string
		Rows []struct {
			Ticket, Verdict string
			Cycle           struct{ End *string }
			Recorded        struct{ Fulfilled, Breached *string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	zero, reply := "0001-01-01T00:00:00Z", "0001-01-01T00:00:30Z"
	assert.Equal(t, reply, rep.Now)
	require.Len(t, rep.Rows, 2)
	assert.Equal(t, "agree", rep.Rows[0].Verdict)
	assert.Equal(t, &zero, rep.Rows[0].Recorded.Fulfilled)
	assert.Nil(t, rep.Rows[0].Recorded.Breached, "not breached: null")
	assert.Equal(t, "recorded-breach", rep.Rows[1].Verdict)
	assert.Equal(t, &zero, rep.Rows[1].Recorded.Breached)
	assert.Equal(t, &reply, rep.Rows[1].Recorded.Fulfilled)
	assert.Equal(t, &reply, rep.Rows[1].Cycle.End)

	stdout, stderr, code = runCmd(t, append([]string{"audit", "--output", "csv"}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	records, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 3, "a header and 2 rows")
	assert.Equal(t, []string{"breached", "fulfilled"}, records[0][8:10])
	assert.Equal(t, []string{"", zero}, records[1][8:10])
	assert.Equal(t, []string{zero, reply}, records[2][8:10])

	stdout, stderr, code = runCmd(t, append([]string{"audit", "--now", zero}, args...)...)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "Audit of 2 tickets on tier zendesk at "+zero+" (tolerance 1m)", "--now 0001-01-01T00:00:00Z is that instant")
}

// A recorded instant is written when the helpdesk recorded it, even at
// 0001-01-01, and "-" when it did not or the row has no record.
func TestAuditRecordedTime(t *testing.T) {
	row := &audit.Row{HasRecord: true}
	assert.Equal(t, "0001-01-01T00:00:00Z", recordedTime(row, time.Time{}, true))
	assert.Equal(t, "-", recordedTime(row, time.Time{}, false))
	assert.Equal(t, "-", recordedTime(&audit.Row{}, time.Time{}, true), "no record")
}
