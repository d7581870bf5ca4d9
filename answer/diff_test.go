package answer

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

// A diff's answer writes targets, effects, money and field values by the
// convention, and every list as a list.
func TestNewDiff(t *testing.T) {
	old, err := rules.Compile("old.yaml", []byte(`
calendars:
  office: {zone: America/New_York, hours: {mon-fri: "09:00-17:00"}}
tiers:
  a: {name: A, response: {P1: 4h office}, price: {currency: USD, minimum: "100", bands: [{rate: 3%}]}}
`))
	require.NoError(t, err)
	nw, err := rules.Compile("new.yaml", []byte(`
calendars:
  office: {zone: America/New_York, hours: {mon-fri: "10:00-17:00"}}
tiers:
  a: {name: B, response: {P1: 4h office, P2: 8h office}, price: {currency: USD, minimum: "150", bands: [{rate: 3%}]}}
`))
	require.NoError(t, err)
	scope := &rules.Scope{From: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)}
	r, err := rules.Diff(old, nw, rules.DiffOptions{Scope: scope})
	require.NoError(t, err)
	d := NewDiff(r, scope)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	require.NoError(t, Check(b), "%s", b)

	require.Len(t, d.Tiers, 1)
	p1 := d.Tiers[0].Targets[0]
	assert.Equal(t, "4h office", p1.Old.Text)
	assert.Equal(t, int64(4*3600), p1.New.Within.Seconds)
	assert.Equal(t, []Field{{Path: "hours", Old: &Text{"mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; fri 09:00-17:00"},
		New: &Text{"mon 10:00-17:00; tue 10:00-17:00; wed 10:00-17:00; thu 10:00-17:00; fri 10:00-17:00"}}}, p1.Calendar)
	require.NotNil(t, p1.Effect)
	assert.Equal(t, "degraded", p1.Effect.Kind)
	p2 := d.Tiers[0].Targets[1]
	assert.Nil(t, p2.Old, "added: no old target")
	assert.Nil(t, p2.Effect)
	assert.Equal(t, []Field{{Path: "minimum", Old: &Text{"100.00 USD"}, New: &Text{"150.00 USD"}}}, d.Tiers[0].Prices[0].Fields)
	assert.Equal(t, []Field{{Path: "tiers.a.name", Old: &Text{"A"}, New: &Text{"B"}}}, d.Cosmetic)
	assert.Equal(t, []DiffRule{}, d.Rules, "a list, not null")
	require.NotNil(t, d.Scope)
	assert.Equal(t, scope.From, d.Scope.From.Time)

	none := NewDiff(rules.DiffReport{}, nil)
	b, err = json.Marshal(none)
	require.NoError(t, err)
	assert.JSONEq(t, `{"changed": false, "tiers": [], "calendars": [], "rules": [], "migrations": [], "lifecycle": [], "permissions": [], "billing": [], "cosmetic": []}`, string(b))
}
