package main

import (
	"flag"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// caseFlags are the flags that describe a case.
type caseFlags struct {
	tier, priority, opened, zone, language, account, country, now string
	attrs                                                         stringsFlag
}

func (o *caseFlags) register(fs *flag.FlagSet, required bool) {
	req := ""
	if required {
		req = " (required)"
	}
	fs.StringVar(&o.tier, "tier", "", "tier `id` or alias"+req)
	fs.StringVar(&o.priority, "priority", "", "case priority `P1..P4`"+req)
	fs.StringVar(&o.opened, "opened", "", "when the case was opened, `RFC3339`, a local time or a date (in --zone, or UTC)"+req)
	fs.StringVar(&o.zone, "zone", "", "the account's IANA time `zone`, e.g. America/New_York")
	fs.StringVar(&o.language, "language", "", "the case's `language`, e.g. ja")
	fs.StringVar(&o.account, "account", "", "the account `id`")
	fs.StringVar(&o.country, "country", "", "the account's `country` (e.g. us), whose public holidays close calendars with holidays: [account]")
	fs.StringVar(&o.now, "now", "", "the instant of the decision, `RFC3339` or a date, not before --opened (default: --opened)")
	fs.Var(&o.attrs, "attr", "a fact for CEL rules, `key=value`; repeatable")
}

// kase builds the case; required says whether tier, priority and opened
// must be given.
func (o *caseFlags) kase(required bool) (rules.Case, error) {
	var c rules.Case
	if required {
		if err := requireFlags(flagValue{"tier", o.tier}, flagValue{"priority", o.priority}, flagValue{"opened", o.opened}); err != nil {
			return c, err
		}
	}
	c.Tier, c.Zone, c.Language, c.Account, c.Country = o.tier, o.zone, o.language, o.account, o.country
	if o.priority != "" {
		p, err := slo.ParsePriority(o.priority)
		if err != nil {
			return c, usagef("--priority: %v", err)
		}
		c.Priority = p
	}
	loc, err := loadZone(o.zone)
	if err != nil {
		return c, err
	}
	if o.opened != "" {
		if c.Opened, err = parseInstant("opened", o.opened, loc); err != nil {
			return c, err
		}
	}
	if o.now != "" {
		now, err := parseInstant("now", o.now, loc)
		if err != nil {
			return c, err
		}
		if o.opened != "" && now.Before(c.Opened) { // 0001-01-01T00:00:00Z is an opening too
			return c, usagef("--now %s is before --opened %s: the case was not open yet", formatInstant(now), formatInstant(c.Opened))
		}
		c.Now = &now
	}
	c.Attrs, err = parseAttrs(o.attrs)
	return c, err
}
