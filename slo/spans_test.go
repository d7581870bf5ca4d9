package slo

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func hm(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }

func TestParseSpans(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Span
		wantErr  string
	}{
		{name: "one", in: "09:00-17:00", want: []Span{{hm(9, 0), hm(17, 0)}}},
		{name: "lunch break", in: "08:00-12:00, 13:00-17:00", want: []Span{{hm(8, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}}},
		{name: "to midnight", in: "17:00-24:00", want: []Span{{hm(17, 0), hm(24, 0)}}},
		{name: "whole day", in: "00:00-24:00", want: []Span{{0, hm(24, 0)}}},
		{name: "single digit hour", in: "9:30-17:15", want: []Span{{hm(9, 30), hm(17, 15)}}},
		{name: "unsorted", in: "13:00-17:00,08:00-12:00", want: []Span{{hm(8, 0), hm(12, 0)}, {hm(13, 0), hm(17, 0)}}},
		{name: "touching merged", in: "08:00-12:00, 12:00-13:00", want: []Span{{hm(8, 0), hm(13, 0)}}},
		{name: "closed", in: " Closed ", want: []Span{}},
		{name: "end before start", in: "17:00-09:00", wantErr: "span 17:00-09:00 ends before it starts"},
		{name: "empty span", in: "09:00-09:00", wantErr: "span 09:00-09:00 is empty"},
		{name: "past 24", in: "20:00-25:00", wantErr: `end "25:00": past 24:00`},
		{name: "24:30", in: "20:00-24:30", wantErr: `end "24:30": past 24:00`},
		{name: "bad minutes", in: "09:60-10:00", wantErr: `start "09:60": minutes past 59`},
		{name: "overlap", in: "08:00-12:00, 11:00-13:00", wantErr: "spans 08:00-12:00 and 11:00-13:00 overlap"},
		{name: "overlap written later first", in: "11:00-13:00, 08:00-12:00", wantErr: `invalid opening hours "11:00-13:00, 08:00-12:00": spans 11:00-13:00 and 08:00-12:00 overlap`},
		{name: "overlap after touching", in: "08:00-10:00, 10:00-12:00, 11:00-13:00", wantErr: "spans 10:00-12:00 and 11:00-13:00 overlap"},
		{name: "no dash", in: "09:00", wantErr: `span "09:00": want HH:MM-HH:MM`},
		{name: "garbage", in: "nine-five", wantErr: `start "nine": want HH:MM`},
		{name: "empty", in: "", wantErr: "empty"},
		{name: "trailing comma", in: "09:00-10:00,", wantErr: `span "": want HH:MM-HH:MM`},
		{name: "negative", in: "-1:00-02:00", wantErr: "want HH:MM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSpans(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrSpans)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSpanString(t *testing.T) {
	assert.Equal(t, "09:00-24:00", Span{hm(9, 0), hm(24, 0)}.String())
	assert.Equal(t, "09:00:30-10:00", Span{hm(9, 0) + 30*time.Second, hm(10, 0)}.String())
	assert.Equal(t, "-1h-25h", Span{-time.Hour, 25 * time.Hour}.String())
}

func TestParseDays(t *testing.T) {
	S, M, T, W, R, F, A := time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday
	tests := []struct {
		name, in string
		want     []time.Weekday
		wantErr  string
	}{
		{name: "mon-fri", in: "mon-fri", want: []time.Weekday{M, T, W, R, F}},
		{name: "sun", in: "sun", want: []time.Weekday{S}},
		{name: "list", in: "mon,wed,fri", want: []time.Weekday{M, W, F}},
		{name: "weekend", in: "sat-sun", want: []time.Weekday{S, A}},
		{name: "wrap", in: "fri-mon", want: []time.Weekday{S, M, F, A}},
		{name: "daily", in: "Daily", want: []time.Weekday{S, M, T, W, R, F, A}},
		{name: "weekdays", in: "weekdays", want: []time.Weekday{M, T, W, R, F}},
		{name: "weekends", in: "weekends", want: []time.Weekday{S, A}},
		{name: "full names", in: "Monday - Thursday, saturday", want: []time.Weekday{M, T, W, R, A}},
		{name: "mixed", in: "mon-tue, thu", want: []time.Weekday{M, T, R}},
		{name: "whole week range", in: "sun-sat", want: []time.Weekday{S, M, T, W, R, F, A}},
		{name: "unknown", in: "mon-fry", wantErr: `unknown day "fry"`},
		{name: "empty", in: " ", wantErr: "empty"},
		{name: "twice", in: "mon-fri,wed", wantErr: "wed named twice"},
		{name: "empty item", in: "mon,,tue", wantErr: `unknown day ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDays(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrDays)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     Date
		wantErr  string
	}{
		{name: "christmas eve", in: "2026-12-24", want: Date{2026, time.December, 24}},
		{name: "leap day", in: "2028-02-29", want: Date{2028, time.February, 29}},
		{name: "first year", in: "0001-01-01", want: Date{1, time.January, 1}},
		{name: "not leap", in: "2027-02-29", wantErr: "day 29 out of range 1-28 for February 2027"},
		{name: "century not leap", in: "2100-02-29", wantErr: "day 29 out of range"},
		{name: "month 13", in: "2026-13-01", wantErr: "month 13 out of range"},
		{name: "year zero", in: "0000-01-01", wantErr: "year 0 out of range"},
		{name: "day 31 of april", in: "2026-04-31", wantErr: "day 31 out of range 1-30"},
		{name: "slashes", in: "2026/12/24", wantErr: "want YYYY-MM-DD"},
		{name: "short", in: "2026-1-1", wantErr: "want YYYY-MM-DD"},
		{name: "sign", in: "+026-01-01", wantErr: "want YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrDate)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.True(t, got.Valid())
			assert.Equal(t, tt.in, got.String())
			var back Date
			b, _ := got.MarshalText()
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, got, back)
		})
	}
	t.Run("DateOf", func(t *testing.T) {
		tokyo, err := time.LoadLocation("Asia/Tokyo")
		require.NoError(t, err)
		assert.Equal(t, Date{2027, time.January, 1}, DateOf(time.Date(2026, 12, 31, 16, 0, 0, 0, time.UTC).In(tokyo)))
	})
	t.Run("zero invalid", func(t *testing.T) {
		assert.False(t, Date{}.Valid())
		var d Date
		require.ErrorIs(t, d.UnmarshalText([]byte("x")), ErrDate)
	})
}
