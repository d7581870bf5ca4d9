package slo

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// weekOf returns a Week with the same spans on each of days, parsed from
// spans.
func weekOf(t testing.TB, days, spans string) Week {
	t.Helper()
	var w Week
	ds, err := ParseDays(days)
	require.NoError(t, err)
	sp, err := ParseSpans(spans)
	require.NoError(t, err)
	for _, d := range ds {
		w[d] = sp
	}
	return w
}

func mustCalendar(t testing.TB, spec CalendarSpec) *Calendar {
	t.Helper()
	c, err := NewCalendar(spec)
	require.NoError(t, err)
	return c
}

func TestNewCalendarErrors(t *testing.T) {
	ok := Week{time.Monday: {{hm(9, 0), hm(17, 0)}}}
	tests := []struct {
		name    string
		spec    CalendarSpec
		is      error
		wantErr string
	}{
		{name: "no name", spec: CalendarSpec{Week: ok}, wantErr: `invalid calendar "": name is empty`},
		{name: "bad name", spec: CalendarSpec{Name: "a b", Week: ok}, wantErr: `name "a b" has invalid character ' '`},
		{name: "unknown zone", spec: CalendarSpec{Name: "x", Zone: "Mars/Olympus", Week: ok}, is: ErrUnknownZone,
			wantErr: `invalid calendar "x": unknown zone "Mars/Olympus": want an IANA name such as "America/New_York" (or "account" for the account's zone)`},
		{name: "local zone", spec: CalendarSpec{Name: "x", Zone: "Local", Week: ok}, is: ErrUnknownZone,
			wantErr: `invalid calendar "x": unknown zone "Local": the machine's zone is not allowed, name an IANA zone such as "America/New_York" (or "account" for the account's zone)`},
		{name: "unknown country", spec: CalendarSpec{Name: "x", Week: ok, Holidays: []string{"us", "xx"}},
			is: ErrUnknownCountry, wantErr: `invalid calendar "x": unknown holiday country "xx" (supported: ar, at, au-act`},
		{name: "country twice", spec: CalendarSpec{Name: "x", Week: ok, Holidays: []string{"us", "US"}},
			wantErr: `holiday country "US" listed twice`},
		{name: "never open", spec: CalendarSpec{Name: "x", Zone: "UTC"}, wantErr: "never open"},
		{name: "never open with empty days", spec: CalendarSpec{Name: "x", Week: Week{time.Monday: {}}}, wantErr: "never open"},
		{name: "end before start", spec: CalendarSpec{Name: "x", Week: Week{time.Tuesday: {{hm(17, 0), hm(9, 0)}}}},
			is: ErrSpans, wantErr: `invalid calendar "x": invalid opening hours: tuesday: span 0 (17:00-09:00) ends before it starts`},
		{name: "past 24:00", spec: CalendarSpec{Name: "x", Week: Week{time.Friday: {{hm(20, 0), hm(25, 0)}}}},
			is: ErrSpans, wantErr: "friday: span 0 (20:00-25h) ends past 24:00"},
		{name: "negative", spec: CalendarSpec{Name: "x", Week: Week{time.Friday: {{-time.Hour, hm(2, 0)}}}},
			is: ErrSpans, wantErr: "friday: span 0 (-1h-02:00) starts before 00:00"},
		{name: "overlap", spec: CalendarSpec{Name: "x", Week: Week{time.Monday: {{hm(13, 0), hm(17, 0)}, {hm(9, 0), hm(14, 0)}}}},
			is: ErrSpans, wantErr: "monday: span 1 (09:00-14:00) overlaps span 0 (13:00-17:00)"},
		{name: "seconds", spec: CalendarSpec{Name: "x", Week: Week{time.Monday: {{hm(9, 0) + time.Second, hm(10, 0)}}}},
			is: ErrSpans, wantErr: "monday: span 0 (09:00:01-10:00) is not in whole minutes"},
		{name: "bad closed date", spec: CalendarSpec{Name: "x", Week: ok, Closed: []Date{{2026, 2, 30}}},
			is: ErrDate, wantErr: "closed date 2026-02-30: day 30 out of range 1-28"},
		{name: "always open with hours", spec: CalendarSpec{Name: "x", AlwaysOpen: true, Week: ok}, wantErr: "cannot have opening hours"},
		{name: "always open with holidays", spec: CalendarSpec{Name: "x", AlwaysOpen: true, Holidays: []string{"us"}},
			wantErr: "cannot have holidays or closed dates"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCalendar(tt.spec)
			require.Error(t, err)
			assert.Nil(t, c)
			require.ErrorIs(t, err, ErrInvalidCalendar)
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
			}
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestNewCalendar(t *testing.T) {
	t.Run("spec normalized", func(t *testing.T) {
		c := mustCalendar(t, CalendarSpec{
			Name: "business", Zone: " America/New_York ",
			Week:     Week{time.Monday: {{hm(13, 0), hm(17, 0)}, {hm(9, 0), hm(13, 0)}}},
			Holidays: []string{"US", "gb"},
			Closed:   []Date{{2026, 12, 24}, {2026, 1, 2}, {2026, 12, 24}},
		})
		assert.Equal(t, "business", c.Name())
		assert.Equal(t, "business", c.String())
		assert.Equal(t, "America/New_York", c.Zone())
		assert.Equal(t, "America/New_York", c.Location().String())
		s := c.Spec()
		assert.Equal(t, []Span{{hm(9, 0), hm(17, 0)}}, s.Week[time.Monday])
		assert.Equal(t, []string{"gb", "us"}, s.Holidays)
		assert.Equal(t, []Date{{2026, 1, 2}, {2026, 12, 24}}, s.Closed)
		again := mustCalendar(t, s)
		assert.Equal(t, c.Spec(), again.Spec())
		// The spec is a copy.
		s.Week[time.Monday][0].Start = 0
		assert.Equal(t, hm(9, 0), c.Spec().Week[time.Monday][0].Start)
	})
	t.Run("account zone", func(t *testing.T) {
		for _, z := range []string{"", "account", "Account"} {
			c := mustCalendar(t, CalendarSpec{Name: "b", Zone: z, Week: weekOf(t, "mon-fri", "09:00-17:00")})
			assert.Nil(t, c.Location())
			assert.Equal(t, AccountZone, c.Zone())
			assert.True(t, c.NeedsZone())
		}
		fixed := mustCalendar(t, CalendarSpec{Name: "b", Zone: "Europe/Paris", Week: weekOf(t, "mon-fri", "09:00-17:00")})
		assert.False(t, fixed.NeedsZone())
	})
	t.Run("always open", func(t *testing.T) {
		c := AlwaysOpen()
		assert.Equal(t, AlwaysOpenName, c.Name())
		assert.Nil(t, c.Location())
		assert.True(t, c.Spec().AlwaysOpen)
		assert.False(t, c.NeedsZone(), "24x7 is the same in every zone")
		z := mustCalendar(t, CalendarSpec{Name: "ops", Zone: "Asia/Tokyo", AlwaysOpen: true})
		assert.Equal(t, "Asia/Tokyo", z.Location().String())
	})
}

func ExampleNewCalendar() {
	hours, err := ParseSpans("08:00-12:00, 13:00-17:00")
	if err != nil {
		panic(err)
	}
	days, err := ParseDays("mon-fri")
	if err != nil {
		panic(err)
	}
	eve, err := ParseDate("2026-12-24")
	if err != nil {
		panic(err)
	}
	spec := CalendarSpec{Name: "business-fr", Zone: "Europe/Paris", Holidays: []string{"fr"}, Closed: []Date{eve}}
	for _, d := range days {
		spec.Week[d] = hours
	}
	c, err := NewCalendar(spec)
	if err != nil {
		panic(err)
	}
	paris := c.Location()
	fmt.Println(c.Name(), c.Location())
	fmt.Println(c.IsOpen(time.Date(2026, 7, 14, 10, 0, 0, 0, paris)))                      // Bastille Day
	fmt.Println(c.Next(time.Date(2026, 7, 15, 12, 30, 0, 0, paris)).Format(time.DateTime)) // lunch break
	_, err = NewCalendar(CalendarSpec{Name: "bad", Zone: "Europe/Paris", Week: Week{time.Monday: {{17 * time.Hour, 9 * time.Hour}}}})
	fmt.Println(err)
	// Output:
	// business-fr Europe/Paris
	// false
	// 2026-07-15 13:00:00
	// invalid calendar "bad": invalid opening hours: monday: span 0 (17:00-09:00) ends before it starts
}

func TestConcurrentUse(t *testing.T) {
	shared := mustCalendar(t, CalendarSpec{Name: "shared", Zone: "Europe/Rome", Week: weekOf(t, "mon-fri", "09:00-18:00"), Holidays: []string{"it"}})
	start := time.Date(2026, 12, 23, 17, 0, 0, 0, time.UTC)
	want := shared.Add(start, 20*time.Hour)
	done := make(chan struct{})
	for i := range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			// First use of these countries' holiday tables races with the others.
			c, err := NewCalendar(CalendarSpec{Name: "c", Week: weekOf(t, "daily", "08:00-20:00"), Holidays: []string{[]string{"dk", "no", "se"}[i%3]}})
			assert.NoError(t, err)
			for range 100 {
				assert.Equal(t, want, shared.Add(start, 20*time.Hour))
				c.Add(start, 20*time.Hour)
			}
		}()
	}
	for range 8 {
		<-done
	}
}
