package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestPieceAt(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	utc := func(s string) time.Time { return mustTime(t, s) }
	nov1 := dayNumber(2026, 11, 1)
	tests := []struct {
		name string
		at   time.Time
		want piece
	}{
		{name: "summer time runs to the fall back", at: utc("2026-07-01T16:00:00Z").In(ny),
			want: piece{off: -4 * 3600, end: utc("2026-11-01T06:00:00Z")}},
		{name: "repeated hour stands still at 02:00", at: utc("2026-11-01T06:30:00Z").In(ny),
			want: piece{off: -5 * 3600, flat: true, at: lpos{nov1, int64(2 * time.Hour)}, end: utc("2026-11-01T07:00:00Z")}},
		{name: "after the repeated hour", at: utc("2026-11-01T07:00:00Z").In(ny),
			want: piece{off: -5 * 3600, end: utc("2027-03-14T07:00:00Z")}},
		{name: "just after spring forward", at: utc("2026-03-08T07:30:00Z").In(ny),
			want: piece{off: -4 * 3600, end: utc("2026-11-01T06:00:00Z")}},
		{name: "utc never ends", at: utc("2026-07-01T16:00:00Z"), want: piece{endless: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pieceAt(tt.at)
			assert.Equal(t, tt.want.off, got.off, "off")
			assert.Equal(t, tt.want.flat, got.flat, "flat")
			assert.Equal(t, tt.want.at, got.at, "at")
			assert.Equal(t, tt.want.endless, got.endless, "endless")
			if !tt.want.endless {
				assert.True(t, tt.want.end.Equal(got.end), "end %v, want %v", got.end, tt.want.end)
			}
		})
	}
}

func TestLocalOfInstant(t *testing.T) {
	tokyo := mustLoc(t, "Asia/Tokyo")
	u := time.Date(1969, 12, 31, 23, 59, 59, 5, time.UTC)
	a := localOf(u, 9*3600)
	assert.Equal(t, lpos{0, int64(8*time.Hour + 59*time.Minute + 59*time.Second + 5)}, a)
	assert.True(t, u.Equal(a.instant(9*3600, tokyo)))
	assert.Equal(t, tokyo, a.instant(9*3600, tokyo).Location())
	assert.True(t, a.after(lpos{0, a.ns - 1}))
	assert.False(t, a.after(a))
	assert.True(t, lpos{1, 0}.after(a))
}
