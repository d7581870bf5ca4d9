package picture

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/slo"
)

func TestCellColor(t *testing.T) {
	const h = time.Hour
	tests := []struct {
		name    string
		c       Cell
		most    Direction
		fill    string
		against [2]string // the corner marks: later, earlier
	}{
		{"no openings", Cell{}, NoOpenings, EmptyColor, [2]string{}},
		{"unchanged", Cell{Openings: h}, Same, UnchangedColor, [2]string{}},
		{"a minute later", Cell{Openings: h, Later: h, Min: time.Minute, Max: time.Minute}, Later, LaterColors[0], [2]string{}},
		{"exactly 1h later", Cell{Openings: h, Later: h, Max: h}, Later, LaterColors[0], [2]string{}},
		{"just over 1h later", Cell{Openings: h, Later: h, Max: h + time.Nanosecond}, Later, LaterColors[1], [2]string{}},
		{"64h later", Cell{Openings: h, Later: h, Max: 64 * h}, Later, LaterColors[4], [2]string{}},
		{"48h earlier", Cell{Openings: h, Earlier: h, Min: -48 * h}, Earlier, EarlierColors[3], [2]string{}},
		{"mostly later, the extreme earlier", Cell{Openings: h, Later: 55 * time.Minute, Earlier: 5 * time.Minute, Min: -10 * h, Max: h},
			Later, LaterColors[0], [2]string{"", EarlierColors[2]}},
		{"mostly earlier, the extreme later", Cell{Openings: h, Later: time.Minute, Earlier: 59 * time.Minute, Min: -h, Max: 64 * h},
			Earlier, EarlierColors[0], [2]string{LaterColors[4], ""}},
		{"mostly unchanged, both ways", Cell{Openings: h, Later: time.Minute, Earlier: time.Minute, Min: -h, Max: 2 * h},
			Same, UnchangedColor, [2]string{LaterColors[1], EarlierColors[0]}},
		{"as much later as unchanged", Cell{Openings: 2 * h, Later: h, Max: h}, Same, UnchangedColor, [2]string{LaterColors[0], ""}},
		{"as much later as earlier", Cell{Openings: 2 * h, Later: h, Earlier: h, Min: -h, Max: h}, Later, LaterColors[0], [2]string{"", EarlierColors[0]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.most, tt.c.Most())
			assert.Equal(t, tt.fill, CellColor(tt.c))
			later, earlier := againstColors(tt.c)
			assert.Equal(t, tt.against, [2]string{later, earlier})
		})
	}
}

func TestDirectionString(t *testing.T) {
	assert.Equal(t, "later", Later.String())
	assert.Equal(t, "none", NoOpenings.String())
	assert.Equal(t, "Direction(9)", Direction(9).String())
}

func TestTooltip(t *testing.T) {
	const h = time.Hour
	tests := []struct {
		name string
		c    Cell
		want string
	}{
		{"no openings", Cell{}, "P2 Tue 09:00-10:00: no openings in the window"},
		{"unchanged", Cell{Openings: h}, "P2 Tue 09:00-10:00: unchanged"},
		{"all later", Cell{Openings: h, Later: h, Min: 2 * h, Max: 3 * h}, "P2 Tue 09:00-10:00: mostly later; 100% later by 2h to 3h"},
		{"all earlier", Cell{Openings: h, Earlier: h, Min: -3 * h, Max: -2 * h}, "P2 Tue 09:00-10:00: mostly earlier; 100% earlier by 2h to 3h"},
		{"all later by as much", Cell{Openings: h, Later: h, Min: 8 * h, Max: 8 * h}, "P2 Tue 09:00-10:00: mostly later; 100% later by 8h"},
		{"every way", Cell{Openings: 4 * h, Later: h, Earlier: h, Min: -5 * h, Max: 6 * h},
			"P2 Tue 09:00-10:00: mostly unchanged; 25% later by up to 6h, 25% earlier by up to 5h, 50% unchanged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, tooltip(slo.P2, 1, 9, tt.c)) })
	}
}

func TestShare(t *testing.T) {
	tests := []struct {
		name        string
		part, whole time.Duration
		want        string
	}{
		{"nothing", 0, time.Hour, "0%"},
		{"all", time.Hour, time.Hour, "100%"},
		{"a quarter", 15 * time.Minute, time.Hour, "25%"},
		{"a sliver", time.Second, time.Hour, "<1%"},
		{"all but a sliver", time.Hour - time.Second, time.Hour, ">99%"},
		{"a long window", 73 * 365 * 24 * time.Hour, 146 * 365 * 24 * time.Hour, "50%"},
		// Exactly 14.5% of about 47 years: float64 reads 14.499999999999998.
		{"an exact tie rounds up", 214297525488958621, 1477913968889369800, "15%"},
		{"half a percent", 18 * time.Second, time.Hour, "1%"},
		{"a nanosecond under half a percent", 18*time.Second - 1, time.Hour, "<1%"},
		{"99.5% is not all", time.Hour - 18*time.Second, time.Hour, ">99%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, Share(tt.part, tt.whole)) })
	}
}
