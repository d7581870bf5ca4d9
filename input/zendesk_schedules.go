package input

import (
	"fmt"
	"slices"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// ParseZendeskSchedules reads the JSON of GET
// /api/v2/business_hours/schedules, {"schedules": [...]}
// (https://developer.zendesk.com/api-reference/ticketing/ticket-management/schedules/):
// each schedule's time_zone is a Rails name (see RailsZone), its intervals
// minutes from Sunday 00:00, within one day each and not overlapping.
// Errors wrap ErrInvalidZendesk, positioned at the JSON path.
func ParseZendeskSchedules(name string, src []byte) ([]ZendeskSchedule, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidZendesk)
	var out []ZendeskSchedule
	ids := map[int64]bool{}
	for _, it := range zendeskList(d, src, "schedules", "schedules (GET /api/v2/business_hours/schedules)") {
		s, ok := decodeZendeskSchedule(d, it)
		if ok && ids[s.ID] {
			d.Add(s.at.Errorf(nil, "duplicate schedule id %d", s.ID))
			ok = false
		}
		ids[s.ID] = true
		if ok {
			out = append(out, s)
		}
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func decodeZendeskSchedule(d *yamlpos.Decoder, it yamlpos.Item) (ZendeskSchedule, bool) {
	s := ZendeskSchedule{at: d.At(it.Node, it.Path)}
	fields, object, ok := objectItem(d, it, "id", "name", "time_zone", "intervals")
	if !object {
		return s, false
	}
	for _, f := range fields {
		good := true
		switch f.Key {
		case "id":
			s.ID, good = intField(d, f, 1)
			s.at = d.At(f.Value, f.Path)
		case "name":
			s.Name, good = d.Str(f)
		case "time_zone":
			if s.TimeZone, good = d.Str(f); good {
				if s.Zone, good = RailsZone(s.TimeZone); !good {
					d.Fail(f.Value, f.Path, nil, "unknown time zone %q: neither a Rails (ActiveSupport) name such as \"Eastern Time (US & Canada)\" nor an IANA name", s.TimeZone)
				}
			}
		case "intervals":
			s.Intervals, good = decodeZendeskIntervals(d, f)
		}
		ok = ok && good
	}
	return s, ok
}

// decodeZendeskIntervals reads a schedule's intervals.
func decodeZendeskIntervals(d *yamlpos.Decoder, f yamlpos.Field) ([][2]int, bool) {
	type placed struct {
		iv [2]int
		at yamlpos.Pos
	}
	var all []placed
	ok := true
	for _, it := range d.List(f) {
		if it.Node == nil || it.Node.Kind != yaml.MappingNode {
			d.Fail(it.Node, it.Path, nil, "must be an object with start_time and end_time, got %s", yamlpos.KindNameOr(it.Node))
			ok = false
			continue
		}
		fields := d.Mapping(it.Node, it.Path, nil)
		good := d.Require(it.Node, it.Path, fields, "start_time", "end_time")
		var iv [2]int
		for _, x := range fields {
			if x.Key != "start_time" && x.Key != "end_time" {
				continue
			}
			n, g := intField(d, x, 0)
			if g && n > minutesPerWeek {
				d.Fail(x.Value, x.Path, nil, "%d is past the week's end, %d minutes from Sunday 00:00", n, minutesPerWeek)
				g = false
			}
			good = good && g
			if x.Key == "start_time" {
				iv[0] = int(n)
			} else {
				iv[1] = int(n)
			}
		}
		if good && iv[1] <= iv[0] {
			d.Fail(it.Node, it.Path, nil, "end_time %d is not after start_time %d", iv[1], iv[0])
			good = false
		}
		if good && iv[0]/1440 != (iv[1]-1)/1440 {
			d.Fail(it.Node, it.Path, nil, "the interval %s spans days: Zendesk's intervals end on the day they start", weekMinutes(iv))
			good = false
		}
		if good {
			all = append(all, placed{iv, d.At(it.Node, it.Path)})
		}
		ok = ok && good
	}
	slices.SortStableFunc(all, func(a, b placed) int { return a.iv[0] - b.iv[0] })
	out := make([][2]int, 0, len(all))
	for i, p := range all {
		if i > 0 && p.iv[0] < all[i-1].iv[1] {
			d.Add(p.at.Errorf(nil, "the interval %s overlaps %s", weekMinutes(p.iv), weekMinutes(all[i-1].iv)))
			ok = false
			continue
		}
		out = append(out, p.iv)
	}
	return out, ok
}

// weekMinutes writes an interval as "Mon 09:00-17:00 (1980-2460)".
func weekMinutes(iv [2]int) string {
	day := iv[0] / 1440
	return fmt.Sprintf("%s %s-%s (%d-%d)", time.Weekday(day).String()[:3], clock(iv[0]-day*1440), clock(iv[1]-day*1440), iv[0], iv[1])
}

// ParseZendeskHolidays reads the JSON of GET
// /api/v2/business_hours/schedules/{id}/holidays, {"holidays": [...]},
// each from start_date to end_date inclusive. Errors wrap
// ErrInvalidZendesk, positioned at the JSON path.
func ParseZendeskHolidays(name string, src []byte) ([]ZendeskHoliday, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidZendesk)
	var out []ZendeskHoliday
	for _, it := range zendeskList(d, src, "holidays", "holidays (GET /api/v2/business_hours/schedules/{id}/holidays)") {
		if h, ok := decodeZendeskHoliday(d, it); ok {
			out = append(out, h)
		}
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func decodeZendeskHoliday(d *yamlpos.Decoder, it yamlpos.Item) (ZendeskHoliday, bool) {
	var h ZendeskHoliday
	fields, object, ok := objectItem(d, it, "name", "start_date", "end_date")
	if !object {
		return h, false
	}
	var start, end time.Time
	for _, f := range fields {
		good := true
		switch f.Key {
		case "id":
			h.ID, good = intField(d, f, 1)
		case "name":
			h.Name, good = d.Str(f)
		case "start_date", "end_date":
			var t time.Time
			if t, good = dateField(d, f); good && f.Key == "start_date" {
				h.Start, start = f.Value.Value, t
			} else if good {
				h.End, end = f.Value.Value, t
			}
		}
		ok = ok && good
	}
	if ok && end.Before(start) {
		d.Fail(it.Node, it.Path, nil, "end_date %s is before start_date %s", h.End, h.Start)
		ok = false
	}
	if ok && end.Sub(start) >= maxHolidayDays*24*time.Hour {
		d.Fail(it.Node, it.Path, nil, "a holiday of more than %d days", maxHolidayDays)
		ok = false
	}
	return h, ok
}

// holidayDates returns the dates of h, start to end inclusive.
func (h ZendeskHoliday) dates() []string {
	start, _ := time.Parse(time.DateOnly, h.Start)
	end, _ := time.Parse(time.DateOnly, h.End)
	var out []string
	for t := start; !t.After(end); t = t.AddDate(0, 0, 1) {
		out = append(out, t.Format(time.DateOnly))
	}
	return out
}
