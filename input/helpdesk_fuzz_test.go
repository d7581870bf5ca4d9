package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tiercel/tiercel/rules"
)

// addFiles seeds f with the files of testdata/dir, in the order named.
func addFiles(f *testing.F, dir string, names ...string) {
	args := make([]any, len(names))
	for i, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", dir, n))
		if err != nil {
			f.Fatal(err)
		}
		args[i] = b
	}
	f.Add(args...)
}

// compiles fails unless the catalog im writes compiles: whatever an
// importer accepts, tiercel check accepts.
func compiles(t *testing.T, im *Import, err error) {
	t.Helper()
	if err != nil {
		return
	}
	var b strings.Builder
	if err := im.WriteCatalog(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := rules.Compile("imported.yaml", []byte(b.String())); err != nil {
		t.Fatalf("the imported catalog does not compile: %v\n%s", err, b.String())
	}
}

// Any three documents are read without a panic, their errors positioned;
// those read are imported into a catalog that compiles.
func FuzzImportZendesk(f *testing.F) {
	addFiles(f, "zendesk", "policies.json", "schedules.json", "holidays.json")
	f.Add([]byte(`{"sla_policies": [{"id": 1, "title": "x'\"\\", "position": 0, "filter": {"any": [{"field": "custom_fields_1", "operator": "includes", "value": "a\u0000 b"}]},
  "policy_metrics": [{"priority": "low", "metric": "group_ownership_time", "target": 5256000, "business_hours": true}]}]}`),
		[]byte(`{"schedules": [{"id": 9, "name": "N", "time_zone": "Europe/Oslo", "intervals": [{"start_time": 0, "end_time": 1440}, {"start_time": 8640, "end_time": 10080}]}]}`),
		[]byte(`{"holidays": [{"name": "#", "start_date": "2026-02-28", "end_date": "2026-03-01"}]}`))
	f.Fuzz(func(t *testing.T, policies, schedules, holidays []byte) {
		ps, err := ParseZendeskPolicies("p.json", policies)
		checkErrorShape(t, "p.json", policies, err)
		ss, err2 := ParseZendeskSchedules("s.json", schedules)
		checkErrorShape(t, "s.json", schedules, err2)
		hs, err3 := ParseZendeskHolidays("h.json", holidays)
		checkErrorShape(t, "h.json", holidays, err3)
		if err != nil || err2 != nil || err3 != nil {
			return
		}
		x := ZendeskAccount{Policies: ps, Schedules: ss}
		if len(ss) > 0 {
			x.Holidays = map[int64][]ZendeskHoliday{ss[0].ID: hs}
		}
		im, err := ImportZendesk(x, "")
		compiles(t, im, err)
	})
}

// Any two documents are read without a panic, their errors positioned;
// those read are imported into a catalog that compiles.
func FuzzImportFreshdesk(f *testing.F) {
	addFiles(f, "freshdesk", "policies.json", "business_hours.json")
	f.Add([]byte(`[{"id": 1, "name": "D", "is_default": true, "sla_target": {"priority_1": {"respond_within": 1, "resolve_within": 315360000, "business_hours": true}}}]`),
		[]byte(`[{"id": 2, "name": "B", "time_zone": "Kyiv", "is_default": true, "business_hours": {"sunday": {"start_time": "12:00 am", "end_time": "11:59:59 pm"}}}]`))
	f.Fuzz(func(t *testing.T, policies, hours []byte) {
		ps, err := ParseFreshdeskPolicies("p.json", policies)
		checkErrorShape(t, "p.json", policies, err)
		hs, err2 := ParseFreshdeskHours("b.json", hours)
		checkErrorShape(t, "b.json", hours, err2)
		if err != nil || err2 != nil {
			return
		}
		im, err := ImportFreshdesk(ps, hs, "")
		compiles(t, im, err)
	})
}
