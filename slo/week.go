package slo

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// maxSpanErrors caps the errors Week.Validate returns.
const maxSpanErrors = 20

// SpanError reports an invalid span of a Week, the way time.ParseError
// reports a bad value: which day, which span (an index into that day's list,
// counted from 0) and why. A caller that built the week from several
// sources maps Day and Index back to the source of the span, and Other (when
// not -1) to the source of the span it overlaps.
type SpanError struct {
	Day   time.Weekday // the day whose list holds the span
	Index int          // index of the invalid span in the day's list
	Span  Span         // the span at Index

	// Other is the index in the day's list of the span this one overlaps,
	// lower than Index, or -1 when the error is about the span alone.
	Other     int
	OtherSpan Span // the span at Other; zero when Other is -1

	// Message says what is wrong with the span alone, such as "ends before
	// it starts"; it is empty when the error is an overlap.
	Message string
}

// Error returns a lowercase message naming the day and the spans, such as
// "monday: span 2 (12:00-14:00) overlaps span 1 (09:00-13:00)".
func (e *SpanError) Error() string {
	day := strings.ToLower(e.Day.String())
	if e.Other >= 0 {
		return fmt.Sprintf("%s: span %d (%s) overlaps span %d (%s)", day, e.Index, e.Span, e.Other, e.OtherSpan)
	}
	return fmt.Sprintf("%s: span %d (%s) %s", day, e.Index, e.Span, e.Message)
}

// Unwrap returns ErrInvalidCalendar, so that errors.Is(err,
// ErrInvalidCalendar) holds for every SpanError.
func (e *SpanError) Unwrap() error { return ErrInvalidCalendar }

// SpanErrors lists the invalid spans of a week, in the order of day then
// index: Week.Validate returns it, as an error, when any span is invalid.
// errors.As finds a SpanErrors to walk every span, or the first *SpanError.
type SpanErrors []*SpanError

// Error joins the messages of the errors with "; ".
func (es SpanErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap returns each *SpanError, for errors.Is and errors.As.
func (es SpanErrors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// Validate checks every span of w, as given (spans need not be sorted, and
// spans that touch are fine). It returns nil, or a SpanErrors holding the
// first 20 errors in the order of day then index: for each span that starts
// before 00:00, ends past 24:00, ends before or where it starts or is not in
// whole minutes, and for each span that overlaps another one of its day.
// When two spans overlap, Index is the later of the two in the day's list
// and Other the earlier, so a caller that appended a day's spans from several
// entries in order points at the entry that came second. NewCalendar runs
// the same checks.
func (w Week) Validate() error {
	var errs SpanErrors
	for d, spans := range w {
		var good []int
		for i, sp := range spans {
			if msg := spanProblem(sp); msg != "" {
				errs = append(errs, &SpanError{Day: time.Weekday(d), Index: i, Span: sp, Other: -1, Message: msg})
				continue
			}
			good = append(good, i)
		}
		for i, j := range overlaps(spans, good) {
			errs = append(errs, &SpanError{Day: time.Weekday(d), Index: i, Span: spans[i], Other: j, OtherSpan: spans[j]})
		}
	}
	if len(errs) == 0 {
		return nil
	}
	slices.SortFunc(errs, func(a, b *SpanError) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Index, b.Index), cmp.Compare(a.Other, b.Other))
	})
	return errs[:min(len(errs), maxSpanErrors)]
}

// spanProblem says what is wrong with sp on its own, or returns "".
func spanProblem(sp Span) string {
	switch {
	case sp.Start < 0:
		return "starts before 00:00"
	case sp.End > 24*time.Hour:
		return "ends past 24:00"
	case sp.End < sp.Start:
		return "ends before it starts"
	case sp.End == sp.Start:
		return "is empty"
	case sp.Start%time.Minute != 0 || sp.End%time.Minute != 0:
		return "is not in whole minutes"
	}
	return ""
}

// overlaps yields, for each span of spans[idx] (idx lists the spans to
// consider, each valid on its own) that overlaps another one of them, the
// pair of indices (later, earlier) in spans, once per span: the span that
// starts later against the one with the latest end among those starting
// before it. Spans that touch do not overlap. It takes O(n log n) time.
func overlaps(spans []Span, idx []int) func(yield func(int, int) bool) {
	return func(yield func(int, int) bool) {
		order := slices.Clone(idx)
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(spans[a].Start, spans[b].Start), cmp.Compare(spans[a].End, spans[b].End), cmp.Compare(a, b))
		})
		reach := -1 // the span with the latest end so far
		for _, i := range order {
			if reach >= 0 && spans[i].Start < spans[reach].End {
				if !yield(max(i, reach), min(i, reach)) {
					return
				}
			}
			if reach < 0 || spans[i].End > spans[reach].End {
				reach = i
			}
		}
	}
}
