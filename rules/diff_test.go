package rules

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// surfaces returns each surface of the report that holds a change, with
// the paths it names ("tiers.basic.targets.response.P1",
// "rules.vip.within", "calendars.business.hours").
func surfaces(r *DiffReport) map[string][]string {
	out := map[string][]string{}
	add := func(surface, path string) { out[surface] = append(out[surface], path) }
	for _, t := range r.Tiers {
		add("tiers", "tiers."+t.Tier+"."+t.Status)
		for _, f := range t.Fields {
			add("tiers", "tiers."+t.Tier+"."+f.Path)
		}
		for _, g := range t.Targets {
			add("targets", "tiers."+t.Tier+"."+g.Metric+"."+g.Priority)
		}
		for _, p := range t.Prices {
			add("prices", "tiers."+t.Tier+".prices."+p.Status)
			for _, f := range p.Fields {
				add("prices", "tiers."+t.Tier+".prices."+f.Path)
			}
		}
	}
	parts := func(surface string, ps []PartDiff) {
		for _, p := range ps {
			add(surface, surface+"."+p.ID+"."+p.Status)
			for _, f := range p.Fields {
				add(surface, surface+"."+p.ID+"."+f.Path)
			}
		}
	}
	parts("calendars", r.Calendars)
	parts("migrations", r.Migrations)
	parts("permissions", r.Permissions)
	for _, x := range r.Rules {
		add("rules", "rules."+x.ID+"."+x.Status)
		for _, f := range x.Fields {
			add("rules", "rules."+x.ID+"."+f.Path)
		}
		if x.Moved {
			add("rules", "rules."+x.ID+".moved")
		}
	}
	for _, f := range r.Lifecycle {
		add("lifecycle", "lifecycle."+f.Path)
	}
	for _, f := range r.Billing {
		add("billing", "billing."+f.Path)
	}
	return out
}

func compileText(t testing.TB, name, src string) *Engine {
	t.Helper()
	e, err := Compile(name, []byte(src))
	require.NoError(t, err, "%s", src)
	return e
}

// diffEdits are one-line edits of testdata/diff/base.yaml, among them the
// 27 kinds that the old diff reported as "no change", each with the surface
// and the path Diff must report.
var diffEdits = []struct {
	name, from, to string
	surface, path  string
}{
	{"rule within", "    within: 1h", "    within: 2h", "rules", "rules.vip.within"},
	{"rule condition", "vip.orValue(false) == true", "vip.orValue(false)", "rules", "rules.vip.when"},
	{"rule calendar", "    calendar: weekend", "    calendar: business", "rules", "rules.weekend-plus.calendar"},
	{"rule priorities", "priorities: [P1, P2]", "priorities: [P1]", "rules", "rules.vip.priorities"},
	{"rule tiers", "tiers: [basic]", "tiers: [basic, plus]", "rules", "rules.vip.tiers"},
	{"rule order", "  - id: vip\n", "  - id: vip0\n    when: 'false'\n    within: 3h\n  - id: vip\n", "rules", "rules.vip0.added"},
	{"calendar hours", `{mon-fri: "09:00-17:00"}`, `{mon-fri: "09:00-18:00"}`, "calendars", "calendars.business.hours"},
	{"calendar hours seen on targets", `{mon-fri: "09:00-17:00"}`, `{mon-fri: "09:00-18:00"}`, "targets", "tiers.basic.response.P1"},
	{"holiday country", "holidays: [us]", "holidays: [gb]", "calendars", "calendars.business.holidays"},
	{"closed dates", `closed: ["2026-12-24"]`, `closed: ["2026-12-31"]`, "calendars", "calendars.business.closed"},
	{"calendar zone", "zone: America/New_York", "zone: Europe/Paris", "targets", "tiers.basic.nextReply.P1"},
	{"account holidays required", "holidays: [account-if-any]", "holidays: [account]", "calendars", "calendars.weekend.holidays.account"},
	{"nextReply target", "nextReply: {P1: 8h business}", "nextReply: {P1: 9h business}", "targets", "tiers.basic.nextReply.P1"},
	{"resolution target", "resolution: {P1: 40h business}", "resolution: {P1: 40h 24x7}", "targets", "tiers.basic.resolution.P1"},
	{"update target added", "update: {P1: 2h 24x7}", "update: {P1: 2h 24x7, P3: 8h 24x7}", "targets", "tiers.plus.update.P3"},
	{"response target", "response: {P1: 1h 24x7, P2: 4h 24x7}", "response: {P1: 30m 24x7, P2: 4h 24x7}", "targets", "tiers.plus.response.P1"},
	{"declared metric target", "wait: {P1: 2h 24x7, P2: 4h 24x7}", "wait: {P1: 3h 24x7, P2: 4h 24x7}", "targets", "tiers.basic.wait.P1"},
	{"declared metric condition", "wait: {start: \"event.type == 'open'\"", "wait: {start: \"event.type == 'note'\"", "lifecycle", "lifecycle.metrics.wait.start"},
	{"declared metric added", "  metrics:\n", "  metrics:\n    hold: {start: 'true', stop: 'false'}\n", "lifecycle", "lifecycle.metrics"},
	{"rule on a declared metric", "    tiers: [basic]\n", "    tiers: [basic]\n    metric: wait\n", "rules", "rules.vip.metric"},
	{"channels", "channels: [console]\n    services", "channels: [console, chat]\n    services", "tiers", "tiers.basic.channels"},
	{"languages", "languages: [en]", "languages: [en, fr]", "tiers", "tiers.basic.languages"},
	{"services", "services: [advisor]", "services: []", "tiers", "tiers.basic.services"},
	{"alias", "aliases: [starter]", "aliases: [starter, entry]", "tiers", "tiers.basic.aliases"},
	{"family", "    family: legacy", "    family: old", "tiers", "tiers.old.family"},
	{"legacy", "    legacy: true", "    legacy: false", "tiers", "tiers.old.legacy"},
	{"proration", "proration: month-end, ", "", "prices", "tiers.basic.prices.proration"},
	{"maximum above the reference spends", `maximum: "2000000"`, `maximum: "3000000"`, "prices", "tiers.plus.prices.maximum"},
	{"minimum", `minimum: "100"`, `minimum: "150"`, "prices", "tiers.plus.prices.minimum"},
	{"flat amount", `flat: "50"`, `flat: "60"`, "prices", "tiers.plus.prices.bands[0].flat"},
	{"band limit", `{upTo: "10000", rate: 10%, flat`, `{upTo: "20000", rate: 10%, flat`, "prices", "tiers.plus.prices.bands[0].upTo"},
	{"older price version", `minimum: "29", bands: [{rate: 3%}]`, `minimum: "30", bands: [{rate: 3%}]`, "prices", "tiers.basic.prices.minimum"},
	{"version date", `effective: "2026-01-01"`, `effective: "2026-02-01"`, "prices", "tiers.basic.prices.effective"},
	{"pricing model", "{upTo: \"10000\", rate: 10%}, {rate: 5%}]}", "{upTo: \"10000\", rate: 10%}, {rate: 5%}], model: volume}", "prices", "tiers.basic.prices.model"},
	{"currency", "currency: USD\n      minimum", "currency: EUR\n      minimum", "prices", "tiers.plus.prices.currency"},
	{"lifecycle statuses", "waiting: [pending]", "waiting: [pending, on-hold]", "lifecycle", "lifecycle.waiting"},
	{"lifecycle tier change", "tierChange: fixed", "tierChange: reevaluate", "lifecycle", "lifecycle.tierChange"},
	{"lifecycle condition", "pause: \"event.status == 'pending'\"", "pause: \"event.status == 'hold'\"", "lifecycle", "lifecycle.metrics.resolution.pause"},
	{"lifecycle settings", "keepPauses: true", "keepPauses: false", "lifecycle", "lifecycle.metrics.resolution.keepPauses"},
	{"lifecycle reopen", "reopen: continue", "reopen: new", "lifecycle", "lifecycle.metrics.resolution.reopen"},
	{"permission", "r == 'viewer'", "r == 'reader'", "permissions", "permissions.cases.view.allow"},
	{"permission added", "permissions:\n", "permissions:\n  cases.close: 'true'\n", "permissions", "permissions.cases.close.added"},
	{"migration effective", "effective: contract.renewal", "effective: contract.start", "migrations", "migrations.old-to-care.effective"},
	{"migration applies", "applies: tier.family == 'legacy'", "applies: tier.legacy", "migrations", "migrations.old-to-care.applies"},
	{"migration targets", "to: [basic, plus]", "to: [plus]", "migrations", "migrations.old-to-care.to"},
	{"migration price hold", "    holdPriceUntil: contract.renewal\n", "", "migrations", "migrations.old-to-care.holdPriceUntil"},
	{"migration grant", "channels: [console]}", "channels: [console, email]}", "migrations", "migrations.old-to-care.grants[0].channels"},
	{"migration keep", "keep: {channels: [chat]}", "keep: {channels: []}", "migrations", "migrations.old-to-care.keep.channels"},
	{"migration order", "migrations:\n", "migrations:\n  first:\n    applies: tier.legacy\n    effective: contract.start\n    to: [plus]\n", "migrations", "migrations.first.added"},
	{"billing", "priceVersion: contract", "priceVersion: billed", "billing", "billing.priceVersion"},
	{"tier removed", "  old:\n    name: Old\n    family: legacy\n    legacy: true\n    response: {P1: 2h business}\n    channels: [chat]\n", "", "tiers", "tiers.old.removed"},
}

func TestDiffEdits(t *testing.T) {
	base, err := os.ReadFile("testdata/diff/base.yaml")
	require.NoError(t, err)
	old := compileText(t, "base.yaml", string(base))
	for _, tc := range diffEdits {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(string(base), tc.from), "the edit must match once")
			edited := strings.Replace(string(base), tc.from, tc.to, 1)
			r, err := Diff(old, compileText(t, "edited.yaml", edited), DiffOptions{})
			require.NoError(t, err)
			assert.True(t, r.Changed, "a change that changes answers")
			got := surfaces(&r)
			assert.Contains(t, got[tc.surface], tc.path, "reported: %v", got)
		})
	}
}

// A copy with its keys reordered, its flow style changed, its comments and
// descriptions rewritten reports nothing but cosmetic changes.
func TestDiffCosmetic(t *testing.T) {
	base, err := os.ReadFile("testdata/diff/base.yaml")
	require.NoError(t, err)
	old := compileText(t, "base.yaml", string(base))
	edited := strings.NewReplacer(
		"# The catalog", "# A catalog",
		"description: the entry tier", "description: the first tier",
		"name: Plus", "name: Plus Support",
		"description: VIP accounts answer faster", "description: faster",
		"    response: {P1: 1h 24x7, P2: 4h 24x7}", "    response:\n      P2: 4h 24x7\n      P1: 1h 24x7",
		"description: office hours", "description: shop hours",
		"description: the legacy tier moves at renewal", "description: moves at renewal",
		"billing:\n", "priorities: {P1: critical impact}\nbilling:\n",
	).Replace(string(base))
	r, err := Diff(old, compileText(t, "edited.yaml", edited), DiffOptions{})
	require.NoError(t, err)
	assert.False(t, r.Changed, "%v", surfaces(&r))
	assert.Equal(t, []FieldChange{
		{Path: "tiers.basic.description", Old: "the entry tier", New: "the first tier"},
		{Path: "tiers.plus.name", Old: "Plus", New: "Plus Support"},
		{Path: "rules.vip.description", Old: "VIP accounts answer faster", New: "faster"},
		{Path: "migrations.old-to-care.description", Old: "the legacy tier moves at renewal", New: "moves at renewal"},
		{Path: "priorities.P1", Old: "", New: "critical impact"},
	}, r.Cosmetic)
}

// The report is JSON as it is.
func TestDiffJSON(t *testing.T) {
	r, err := Diff(Default(), Default(), DiffOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"changed": false}`, string(b))
	_, err = Diff(nil, Default(), DiffOptions{})
	require.ErrorIs(t, err, ErrInvalidCatalog)
}

func TestIncreasingRun(t *testing.T) {
	tests := []struct {
		seq  []int
		want []bool
	}{
		{nil, []bool{}},
		{[]int{0, 1, 2}, []bool{true, true, true}},
		{[]int{1, 0, 2}, []bool{false, true, true}},
		{[]int{2, 0, 1}, []bool{false, true, true}},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, increasingRun(tc.seq), "%v", tc.seq)
	}
	assert.Equal(t, []string{"c"}, movedIDs([]string{"a", "b", "c", "x"}, []string{"c", "a", "b"}))
}
