package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

// An objective keeps the targets a tier writes, names every row and gives
// its table with the priorities it has only.
func TestObjective(t *testing.T) {
	e, err := Compile("t.yaml", []byte("tiers:\n  x:\n    name: X\n    response: {P1: 1h 24x7, P3: 8h 24x7}\n"))
	require.NoError(t, err)
	o := e.tiers["x"].objectives[response]
	assert.Equal(t, [slo.P4 + 1]bool{false, true, false, true, false}, o.has)
	assert.Equal(t, "tiers.x.response.P2", o.row[slo.P2], "rows are named for every priority")
	assert.Equal(t, slo.Table{
		slo.P1: {Within: time.Hour, Calendar: "24x7"},
		slo.P3: {Within: 8 * time.Hour, Calendar: "24x7"},
	}, o.table())
	_, err = e.Deadline(Case{Tier: "x", Priority: slo.P2, Opened: at(t, "2026-03-02T09:00:00Z", "UTC")})
	assert.ErrorIs(t, err, ErrNoTarget)
}

// A target on an unknown calendar is reported at the target, once, and the
// objective keeps the others.
func TestObjectiveUnknownCalendar(t *testing.T) {
	_, err := Compile("t.yaml", []byte("tiers:\n  x:\n    name: X\n    response: {P1: 1h 24x7, P2: 2h moon}\n"))
	var l ErrorList
	require.ErrorAs(t, err, &l)
	require.Len(t, l, 1)
	assert.Equal(t, `t.yaml:4:33: tiers.x.response.P2: unknown calendar "moon"`, l[0].Error())
}
