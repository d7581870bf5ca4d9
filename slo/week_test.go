package slo

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantSpanError is a SpanError expected from Week.Validate.
type wantSpanError struct {
	day          time.Weekday
	index, other int
	msg          string
}

var weekValidateTests = []struct {
	name string
	week Week
	want []wantSpanError
}{
	{name: "empty week", week: Week{}},
	{name: "unsorted and touching", week: Week{time.Monday: {{hm(13, 0), hm(17, 0)}, {hm(9, 0), hm(13, 0)}}, time.Sunday: {{0, hm(24, 0)}}}},
	{name: "overlap", week: Week{time.Monday: {{hm(8, 0), hm(9, 0)}, {hm(9, 0), hm(13, 0)}, {hm(12, 0), hm(14, 0)}}},
		want: []wantSpanError{{time.Monday, 2, 1, "monday: span 2 (12:00-14:00) overlaps span 1 (09:00-13:00)"}}},
	{name: "overlap given later first", week: Week{time.Tuesday: {{hm(12, 0), hm(14, 0)}, {hm(9, 0), hm(13, 0)}}},
		want: []wantSpanError{{time.Tuesday, 1, 0, "tuesday: span 1 (09:00-13:00) overlaps span 0 (12:00-14:00)"}}},
	{name: "same span twice", week: Week{time.Friday: {{hm(9, 0), hm(17, 0)}, {hm(9, 0), hm(17, 0)}}},
		want: []wantSpanError{{time.Friday, 1, 0, "friday: span 1 (09:00-17:00) overlaps span 0 (09:00-17:00)"}}},
	{name: "one span covers two", week: Week{time.Wednesday: {{hm(9, 0), hm(10, 0)}, {hm(11, 0), hm(12, 0)}, {hm(8, 0), hm(18, 0)}}},
		want: []wantSpanError{
			{time.Wednesday, 2, 0, "wednesday: span 2 (08:00-18:00) overlaps span 0 (09:00-10:00)"},
			{time.Wednesday, 2, 1, "wednesday: span 2 (08:00-18:00) overlaps span 1 (11:00-12:00)"},
		}},
	{name: "ends before it starts", week: Week{time.Thursday: {{hm(17, 0), hm(9, 0)}}},
		want: []wantSpanError{{time.Thursday, 0, -1, "thursday: span 0 (17:00-09:00) ends before it starts"}}},
	{name: "empty span", week: Week{time.Saturday: {{hm(9, 0), hm(9, 0)}}},
		want: []wantSpanError{{time.Saturday, 0, -1, "saturday: span 0 (09:00-09:00) is empty"}}},
	{name: "past 24:00", week: Week{time.Sunday: {{hm(20, 0), hm(25, 0)}}},
		want: []wantSpanError{{time.Sunday, 0, -1, "sunday: span 0 (20:00-25h) ends past 24:00"}}},
	{name: "before 00:00", week: Week{time.Monday: {{-time.Minute, hm(2, 0)}}},
		want: []wantSpanError{{time.Monday, 0, -1, "monday: span 0 (-1m-02:00) starts before 00:00"}}},
	{name: "seconds", week: Week{time.Monday: {{hm(9, 0), hm(10, 0) + time.Second}}},
		want: []wantSpanError{{time.Monday, 0, -1, "monday: span 0 (09:00-10:00:01) is not in whole minutes"}}},
	{name: "extreme durations", week: Week{time.Tuesday: {{math.MinInt64, math.MaxInt64}}, time.Wednesday: {{0, math.MaxInt64}, {hm(1, 0), hm(2, 0)}}},
		want: []wantSpanError{
			{time.Tuesday, 0, -1, "tuesday: span 0 (-2562047h47m16.854775808s-2562047h47m16.854775807s) starts before 00:00"},
			{time.Wednesday, 0, -1, "wednesday: span 0 (00:00-2562047h47m16.854775807s) ends past 24:00"},
		}},
	{name: "invalid span not counted as overlapping", week: Week{time.Monday: {{hm(9, 0), hm(17, 0)}, {hm(12, 0), hm(10, 0)}}},
		want: []wantSpanError{{time.Monday, 1, -1, "monday: span 1 (12:00-10:00) ends before it starts"}}},
	{name: "every day in order", week: Week{
		time.Saturday: {{hm(10, 0), hm(9, 0)}},
		time.Monday:   {{hm(9, 0), hm(12, 0)}, {hm(10, 0), hm(9, 0)}, {hm(11, 0), hm(13, 0)}},
	}, want: []wantSpanError{
		{time.Monday, 1, -1, "monday: span 1 (10:00-09:00) ends before it starts"},
		{time.Monday, 2, 0, "monday: span 2 (11:00-13:00) overlaps span 0 (09:00-12:00)"},
		{time.Saturday, 0, -1, "saturday: span 0 (10:00-09:00) ends before it starts"},
	}},
}

func TestWeekValidate(t *testing.T) {
	for _, tt := range weekValidateTests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.week.Validate()
			if len(tt.want) == 0 {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidCalendar)
			var list SpanErrors
			require.ErrorAs(t, err, &list)
			require.Len(t, list, len(tt.want))
			msgs := make([]string, len(tt.want))
			for i, w := range tt.want {
				e := list[i]
				assert.Equal(t, w.day, e.Day, "day")
				assert.Equal(t, w.index, e.Index, "index")
				assert.Equal(t, w.other, e.Other, "other")
				assert.Equal(t, tt.week[w.day][w.index], e.Span)
				if w.other >= 0 {
					assert.Equal(t, tt.week[w.day][w.other], e.OtherSpan)
					assert.Empty(t, e.Message)
				} else {
					assert.Zero(t, e.OtherSpan)
					assert.NotEmpty(t, e.Message)
				}
				assert.Equal(t, w.msg, e.Error())
				msgs[i] = w.msg
			}
			var first *SpanError
			require.ErrorAs(t, err, &first)
			assert.Same(t, list[0], first)
			assert.Equal(t, strings.Join(msgs, "; "), err.Error())
		})
	}
}

func TestWeekValidateCapped(t *testing.T) {
	// Thousands of copies of one span: each overlaps the first, and only
	// the first maxSpanErrors are returned, in index order.
	var w Week
	for range 5000 {
		w[time.Monday] = append(w[time.Monday], Span{hm(9, 0), hm(17, 0)})
	}
	err := w.Validate()
	var list SpanErrors
	require.ErrorAs(t, err, &list)
	require.Len(t, list, maxSpanErrors)
	for i, e := range list {
		assert.Equal(t, i+1, e.Index)
		assert.Equal(t, 0, e.Other, "every copy overlaps the first")
	}
}

func TestSpanErrorUnwrap(t *testing.T) {
	e := &SpanError{Day: time.Monday, Index: 2, Span: Span{hm(12, 0), hm(14, 0)}, Other: 1, OtherSpan: Span{hm(9, 0), hm(13, 0)}}
	assert.True(t, errors.Is(e, ErrInvalidCalendar))
	assert.Equal(t, "monday: span 2 (12:00-14:00) overlaps span 1 (09:00-13:00)", e.Error())
}

func TestNewCalendarSpanErrors(t *testing.T) {
	_, err := NewCalendar(CalendarSpec{Name: "x", Week: Week{
		time.Monday: {{hm(9, 0), hm(13, 0)}, {hm(12, 0), hm(14, 0)}},
		time.Friday: {{hm(17, 0), hm(9, 0)}},
	}})
	require.ErrorIs(t, err, ErrSpans)
	var e *SpanError
	require.ErrorAs(t, err, &e)
	assert.Equal(t, time.Monday, e.Day)
	assert.Equal(t, 1, e.Index)
	assert.Equal(t, 0, e.Other)
	assert.Equal(t, `invalid calendar "x": invalid opening hours: monday: span 1 (12:00-14:00) overlaps span 0 (09:00-13:00); friday: span 0 (17:00-09:00) ends before it starts`, err.Error())
}
