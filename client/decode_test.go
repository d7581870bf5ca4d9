package client

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func instantOf(t *testing.T, s string) answer.Instant {
	t.Helper()
	var a answer.Instant
	require.NoError(t, a.UnmarshalJSON([]byte(`"`+s+`"`)))
	return a
}

func TestPlace(t *testing.T) {
	tokyo, err := slo.LoadZone("Asia/Tokyo")
	require.NoError(t, err)
	for _, tc := range []struct {
		name, zone, in string
		want           time.Time
		loc            string
		offset         int // seconds east of UTC the instant is put at
	}{
		{"the request's zone", "Asia/Tokyo", "2026-03-06T17:00:00+09:00", time.Date(2026, 3, 6, 17, 0, 0, 0, tokyo), "Asia/Tokyo", 9 * 3600},
		{"the request's zone, written in another offset", "Asia/Tokyo", "2026-03-06T08:00:00Z", time.Date(2026, 3, 6, 17, 0, 0, 0, tokyo), "Asia/Tokyo", 9 * 3600},
		{"no zone, offset zero", "", "2026-03-06T08:00:00Z", time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC), "UTC", 0},
		{"no zone, +00:00", "", "2026-03-06T08:00:00+00:00", time.Date(2026, 3, 6, 8, 0, 0, 0, time.UTC), "UTC", 0},
		{"no zone, another offset: kept", "", "2026-03-06T17:00:00.5+09:00", time.Date(2026, 3, 6, 8, 0, 0, 5e8, time.UTC), "", 9 * 3600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := zonePlace(tc.zone)
			require.NoError(t, err)
			got := p.at(instantOf(t, tc.in))
			assert.True(t, tc.want.Equal(got))
			if tc.loc != "" {
				assert.Equal(t, tc.want, got, "deeply, location included")
			}
			_, off := got.Zone()
			assert.Equal(t, tc.offset, off)
		})
	}
	berlin, err := slo.LoadZone("Europe/Berlin")
	require.NoError(t, err)
	for _, tc := range []struct {
		decided, request string
		want             *time.Location
	}{
		{"Europe/Berlin", "", berlin},
		{"Europe/Berlin", "Asia/Tokyo", berlin},
		{"", "Asia/Tokyo", tokyo},
		{"UTC", "", time.UTC},
		{"", "", nil},
	} {
		p, err := decidedPlace(tc.decided, tc.request)
		require.NoError(t, err)
		assert.Same(t, tc.want, p.loc, "the zone the answer names, else the request's")
	}
	_, err = zonePlace("Mars/Olympus")
	assert.ErrorIs(t, err, slo.ErrUnknownZone)
	assert.True(t, place{}.atOr(nil).IsZero())
}

// TestAnswersThatDoNotDecode: a field of the service's answer outside the
// engine's values is an error of class Internal, never a silent zero.
func TestAnswersThatDoNotDecode(t *testing.T) {
	for _, tc := range []struct {
		name string
		read func(err *error)
	}{
		{"nanos over a second", func(err *error) { span(answer.Duration{Seconds: 1, Nanos: 1e9}, err) }},
		{"a priority", func(err *error) { priority("P9", err) }},
		{"a change kind", func(err *error) { changes([]answer.Change{{Priority: "P1", Change: "sideways"}}, place{}, err) }},
		{"a rule outcome", func(err *error) { byName(rules.RuleFiltered, rules.RuleNotReached, "rule outcome", "maybe", err) }},
		{"a step kind", func(err *error) { byName(slo.Open, slo.Paused, "step kind", "lunch", err) }},
		{"a cycle state", func(err *error) { cycleOf(answer.Cycle{Priority: "P1", State: "asleep"}, place{}, err) }},
		{"a decision's zone", func(err *error) { _, *err = decidedPlace("Mars/Olympus", "Asia/Tokyo") }},
		{"a status without its status", func(err *error) {
			_, *err = progressOf("", answer.Deadline{Priority: "P1"}, new(time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)))
		}},
		{"a quote's model", func(err *error) { _, *err = quoteOf(answer.Quote{Model: "tiered", Proration: "days"}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			tc.read(&err)
			require.ErrorIs(t, err, errAnswer)
			assert.Equal(t, fault.Internal, fault.Of(err))
		})
	}
	var err error
	assert.Equal(t, slo.Paused, byName(slo.Open, slo.Paused, "step kind", "paused", &err))
	assert.Equal(t, time.Duration(-1500)*time.Millisecond, span(answer.Duration{Seconds: -1, Nanos: -5e8}, &err))
	require.NoError(t, err)
	assert.Nil(t, strs([]string{}))
	assert.Equal(t, []string{"a"}, strs([]string{"a"}))
}
