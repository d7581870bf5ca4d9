package main

import (
	"flag"

	"github.com/tiercel/tiercel/slo"
)

var compareCommand = &command{
	name:     "compare",
	synopsis: "FROM TO",
	summary:  "how each priority's response target changes between two tiers",
	help: `Compare shows, for each priority either tier has, the response target of
tier FROM and of tier TO and whether it is improved, degraded or unchanged
(the response time decides: a change of calendar alone is unchanged). Tiers
may be ids or aliases.`,
	example: `tiercel compare looker-premier standard`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		return func(c *cli, args []string) error {
			if len(args) != 2 {
				return usagef("want two tiers, FROM and TO; got %s", plural(len(args), "argument"))
			}
			return c.compare(args[0], args[1])
		}
	},
}

type changeJSON struct {
	Priority        string `json:"priority"`
	From            string `json:"from"`
	To              string `json:"to"`
	Change          string `json:"change"`
	CalendarChanged bool   `json:"calendarChanged"`
}

func changesJSON(changes []slo.Change) []changeJSON {
	out := make([]changeJSON, len(changes))
	for i, ch := range changes {
		out[i] = changeJSON{
			Priority: ch.Priority.String(), From: targetOrNone(ch.From), To: targetOrNone(ch.To),
			Change: ch.Kind.String(), CalendarChanged: ch.CalendarChanged(),
		}
	}
	return out
}

func targetOrNone(t slo.Target) string {
	if t.Within == 0 && t.Calendar == "" {
		return "-"
	}
	return t.String()
}

func (c *cli) compare(from, to string) error {
	e, err := c.engine()
	if err != nil {
		return err
	}
	changes, err := e.Compare(from, to)
	if err != nil {
		return err
	}
	if c.json() {
		return c.writeJSON(struct {
			From    string       `json:"from"`
			To      string       `json:"to"`
			Changes []changeJSON `json:"changes"`
		}{from, to, changesJSON(changes)})
	}
	t := c.table()
	t.row("PRIORITY", "FROM", "TO", "CHANGE")
	for _, ch := range changes {
		t.row(ch.Priority.String(), targetOrNone(ch.From), targetOrNone(ch.To), ch.Kind.String())
	}
	t.flush()
	return nil
}
