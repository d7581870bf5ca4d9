package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImportFreshdeskRefusals(t *testing.T) {
	ps, err := ParseFreshdeskPolicies("p.json", []byte(`[{"id": 1, "name": "D", "is_default": true, "sla_target": {"priority_4": {"respond_within": 60, "resolve_within": 60, "business_hours": true}}}]`))
	require.NoError(t, err)
	_, err = ImportFreshdesk(ps, nil, "")
	require.ErrorIs(t, err, ErrInvalidFreshdesk)
	assert.Contains(t, err.Error(), `policy 1 "D": missing schedule: a business-hours target needs the default business hours`)

	ps[0].IsDefault = false
	_, err = ImportFreshdesk(ps, []FreshdeskHours{{ID: 2, Name: "B", Zone: "UTC", IsDefault: true}}, "")
	require.ErrorIs(t, err, ErrInvalidFreshdesk)
	assert.Contains(t, err.Error(), "no active default policy (is_default) with response targets")
}

// Freshdesk's day ends at 11:59:59 pm: the span runs to 24:00.
func TestFreshdeskDayEnd(t *testing.T) {
	hs, err := ParseFreshdeskHours("b.json", []byte(`[{"id": 1, "name": "B", "time_zone": "Tokyo", "business_hours": {"monday": {"start_time": "12:00 am", "end_time": "11:59:59 pm"}, "tuesday": {"start_time": "8:30 am", "end_time": "12:15 pm"}}}]`))
	require.NoError(t, err)
	assert.Equal(t, "Asia/Tokyo", hs[0].Zone)
	assert.Equal(t, [][2]int{{0, 1440}}, hs[0].Week[1])
	assert.Equal(t, [][2]int{{510, 735}}, hs[0].Week[2])
}
