package slo

import (
	"math"
	"math/bits"
	"slices"
)

// Open time on the local timeline.
//
// Opening hours live on the "local timeline": civil days of exactly 24h
// numbered from 1970-01-01 (dayNumber), each with the spans of its weekday
// unless it is closed. On that timeline the open time between two positions
// is computed in O(log closed days): whole weeks count c.weekly each, the
// few remaining days come from c.cycle, and closed days are subtracted with
// a binary search in the prefix sums c.offCum.

// isOff reports whether day is a closed day that would otherwise be open.
func (c *Calendar) isOff(day int64) bool {
	_, found := slices.BinarySearch(c.off, day)
	return found
}

// openAt reports whether the local position a is open.
func (c *Calendar) openAt(a lpos) bool {
	wd := weekdayOf(a.day)
	if c.dayTotal[wd] == 0 || c.isOff(a.day) {
		return false
	}
	for _, sp := range c.week[wd] {
		if a.ns < int64(sp.End) {
			return a.ns >= int64(sp.Start)
		}
	}
	return false
}

// dayOpen returns the open time of day between from and to nanoseconds
// after its midnight.
func (c *Calendar) dayOpen(day, from, to int64) int64 {
	wd := weekdayOf(day)
	if c.dayTotal[wd] == 0 || from >= to || c.isOff(day) {
		return 0
	}
	var t int64
	for _, sp := range c.week[wd] {
		s, e := max(int64(sp.Start), from), min(int64(sp.End), to)
		if e > s {
			t += e - s
		}
	}
	return t
}

// daysOpen returns the open time of the whole days d1 to d2-1.
func (c *Calendar) daysOpen(d1, d2 int64) int64 {
	if d2 <= d1 {
		return 0
	}
	n := d2 - d1
	weeks, rest := n/7, n%7
	w := weekdayOf(d1)
	i1, _ := slices.BinarySearch(c.off, d1)
	i2, _ := slices.BinarySearch(c.off, d2)
	// weeks*weekly + part, in 128 bits: part (the rest days less the closed
	// ones) may be negative, and the sum is exact whenever it fits.
	part := int64(c.cycle[w+int(rest)]-c.cycle[w]) - int64(c.offCum[i2]-c.offCum[i1])
	hi, lo := bits.Mul64(uint64(weeks), uint64(c.weekly))
	var carry uint64
	if part >= 0 {
		lo, carry = bits.Add64(lo, uint64(part), 0)
		hi += carry
	} else {
		lo, carry = bits.Sub64(lo, uint64(-part), 0)
		hi -= carry
	}
	if hi != 0 || lo > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(lo)
}

// localMeasure returns the open time from a to b (a not after b).
func (c *Calendar) localMeasure(a, b lpos) int64 {
	if a.day == b.day {
		return c.dayOpen(a.day, a.ns, b.ns)
	}
	t := c.dayOpen(a.day, a.ns, dayNs)
	t = satAdd(t, c.daysOpen(a.day+1, b.day))
	return satAdd(t, c.dayOpen(b.day, 0, b.ns))
}

// within returns the position within a day of weekday wd at which rem of
// open time has passed since from; the day must have that much left.
func (c *Calendar) within(wd int, from, rem int64) int64 {
	for _, sp := range c.week[wd] {
		e := int64(sp.End)
		if e <= from {
			continue
		}
		s := max(int64(sp.Start), from)
		if e-s >= rem {
			return s + rem
		}
		rem -= e - s
	}
	return dayNs // not reached when the precondition holds
}

// localAdd returns the first position at which rem > 0 of open time has
// passed since a.
func (c *Calendar) localAdd(a lpos, rem int64) lpos {
	day := a.day
	if r := c.dayOpen(day, a.ns, dayNs); r >= rem {
		return lpos{day, c.within(weekdayOf(day), a.ns, rem)}
	} else {
		rem -= r
	}
	day++
	w := int64(c.weekly)
	for rem > w {
		// Skip whole weeks, never all of rem: they hold at most k*w < rem.
		k := (rem - 1) / w
		rem -= c.daysOpen(day, day+7*k)
		day += 7 * k
	}
	for ; ; day++ {
		wd := weekdayOf(day)
		t := int64(c.dayTotal[wd])
		if t == 0 || c.isOff(day) {
			continue
		}
		if t >= rem {
			return lpos{day, c.within(wd, 0, rem)}
		}
		rem -= t
	}
}

// nextOpen returns the first open position at or after a.
func (c *Calendar) nextOpen(a lpos) lpos {
	for day, from := a.day, a.ns; ; day, from = day+1, 0 {
		wd := weekdayOf(day)
		if c.dayTotal[wd] == 0 || c.isOff(day) {
			continue
		}
		for _, sp := range c.week[wd] {
			if int64(sp.End) > from {
				return lpos{day, max(int64(sp.Start), from)}
			}
		}
	}
}
