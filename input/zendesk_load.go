package input

import (
	"fmt"
	"strconv"
	"strings"
)

// LoadZendesk reads Zendesk's documents from files: the SLA policies, the
// schedules (may be "": no schedule) and holiday files, each "FILE" or
// "SCHEDULE_ID=FILE" (a bare FILE is the holidays of the only schedule).
// Only regular files of at most 16 MiB are read. Errors wrap
// ErrInvalidZendesk; a file that cannot be read gives an error wrapping
// the cause.
func LoadZendesk(policies, schedules string, holidays []string) (ZendeskAccount, error) {
	var x ZendeskAccount
	var err error
	if x.Policies, err = load(policies, ErrInvalidZendesk, ParseZendeskPolicies); err != nil {
		return x, err
	}
	if schedules != "" {
		if x.Schedules, err = load(schedules, ErrInvalidZendesk, ParseZendeskSchedules); err != nil {
			return x, err
		}
	}
	for _, h := range holidays {
		id, file, err := holidayFlag(h, x.Schedules)
		if err != nil {
			return x, err
		}
		hs, err := load(file, ErrInvalidZendesk, ParseZendeskHolidays)
		if err != nil {
			return x, err
		}
		if x.Holidays == nil {
			x.Holidays = map[int64][]ZendeskHoliday{}
		}
		x.Holidays[id] = append(x.Holidays[id], hs...)
	}
	return x, nil
}

// holidayFlag reads "SCHEDULE_ID=FILE" or "FILE".
func holidayFlag(h string, schedules []ZendeskSchedule) (int64, string, error) {
	if before, after, found := strings.Cut(h, "="); found && digits(before) {
		id, err := strconv.ParseInt(before, 10, 64)
		if err != nil {
			return 0, "", fmt.Errorf("%w: %s: schedule id %q: %w", ErrInvalidZendesk, h, before, err)
		}
		return id, after, nil
	}
	switch len(schedules) {
	case 0:
		return 0, "", fmt.Errorf("%w: %s: missing schedule: holidays need the schedules document", ErrInvalidZendesk, h)
	case 1:
		return schedules[0].ID, h, nil
	}
	return 0, "", fmt.Errorf("%w: %s: missing schedule: with %d schedules, name the holidays' schedule as SCHEDULE_ID=FILE", ErrInvalidZendesk, h, len(schedules))
}
