package input

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

// bigZendesk is a policies document of n policies, each with a filter of
// two conditions and a target for every metric and priority.
func bigZendesk(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"sla_policies": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": %d, "title": "Policy %d", "position": %d, "filter": {"all": [{"field": "organization_id", "operator": "is", "value": %d}], "any": [{"field": "current_tags", "operator": "includes", "value": "vip gold"}]}, "policy_metrics": [`, i+1, i+1, i+1, 1000+i)
		for k, m := range ZendeskMetricNames() {
			for j, p := range []string{"urgent", "high", "normal", "low"} {
				if k+j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, `{"priority": %q, "metric": %q, "target": %d, "business_hours": %t}`, p, m, 30*(j+1)+i%7, j%2 == 0)
			}
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	return []byte(b.String())
}

const benchSchedules = `{"schedules": [{"id": 1, "name": "S", "time_zone": "Eastern Time (US & Canada)", "intervals": [{"start_time": 1980, "end_time": 2460}, {"start_time": 3420, "end_time": 3900}]}]}`

// BenchmarkImportZendesk imports 1,000 policies × 8 metrics × 4
// priorities: reading the JSON, importing and writing the catalog.
func BenchmarkImportZendesk(b *testing.B) {
	src := bigZendesk(1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		importZendeskTo(b, src, io.Discard)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkCompileImportedZendesk compiles the catalog of 1,000 imported
// policies (what tiercel import does after writing it, and tiercel check).
func BenchmarkCompileImportedZendesk(b *testing.B) {
	var out strings.Builder
	importZendeskTo(b, bigZendesk(1000), &out)
	src := []byte(out.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		_, err := rules.Compile("c.yaml", src)
		require.NoError(b, err)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkImportCompileZendesk is what tiercel import zendesk does with
// 1,000 policies: read the JSON, import, write the catalog and compile it
// (the command never writes a catalog tiercel check refuses).
func BenchmarkImportCompileZendesk(b *testing.B) {
	src := bigZendesk(1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		var out strings.Builder
		importZendeskTo(b, src, &out)
		_, err := rules.Compile("imported.yaml", []byte(out.String()))
		require.NoError(b, err)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// importZendeskTo reads the policies document src and benchSchedules,
// imports them and writes the catalog to w.
func importZendeskTo(tb testing.TB, src []byte, w io.Writer) {
	ps, err := ParseZendeskPolicies("p.json", src)
	require.NoError(tb, err)
	ss, err := ParseZendeskSchedules("s.json", []byte(benchSchedules))
	require.NoError(tb, err)
	im, err := ImportZendesk(ZendeskAccount{Policies: ps, Schedules: ss}, "")
	require.NoError(tb, err)
	require.NoError(tb, im.WriteCatalog(w))
}

// The benchmark's input is what it says: 1,000 policies of 32 targets.
func TestBigZendesk(t *testing.T) {
	ps, err := ParseZendeskPolicies("p.json", bigZendesk(3))
	require.NoError(t, err)
	require.Len(t, ps, 3)
	require.Len(t, ps[2].Metrics, 32)
}
