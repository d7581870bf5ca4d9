package main

import (
	"flag"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/entitlement"
)

var allowedCommand = &command{
	name:     "allowed",
	synopsis: "ACTION [--role R]... [--group G]... [--tier T ...]",
	summary:  "whether a principal may do an action on a case (catalog permissions)",
	help: `Allowed evaluates the catalog's permission for ACTION (e.g. cases.create)
for a principal with the given roles and groups, on an optional case
described by the same flags as deadline. It prints allowed or denied and the
rule that decided. Exit status 0 when allowed, 1 when denied (the answer is
"no"), so that a script can test it.`,
	example: `tiercel allowed cases.create --role roles/cloudsupport.techSupportEditor`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		var o caseFlags
		var p principalFlags
		o.register(fs, false)
		fs.StringVar(&p.id, "principal", "", "the principal's `id`, e.g. user:ana@example.com")
		fs.Var(&p.roles, "role", "a `role` the principal holds; repeatable")
		fs.Var(&p.groups, "group", "a `group` the principal belongs to; repeatable")
		return func(c *cli, args []string) error {
			if len(args) != 1 {
				return usagef("want one action, e.g. cases.create; got %s", plural(len(args), "argument"))
			}
			return c.allowed(args[0], &o, &p)
		}
	},
}

type principalFlags struct {
	id            string
	roles, groups stringsFlag
}

func (c *cli) allowed(action string, o *caseFlags, p *principalFlags) error {
	kase, err := o.kase(false)
	if err != nil {
		return err
	}
	e, err := c.engine()
	if err != nil {
		return err
	}
	principal := entitlement.Principal{ID: p.id, Roles: p.roles, Groups: p.groups}
	d, err := e.Allowed(action, principal, kase)
	if err != nil {
		return err
	}
	if c.json() {
		err = c.writeJSON(answer.NewAllowed(d))
	} else {
		verdict := "denied"
		if d.Allowed {
			verdict = "allowed"
		}
		t := c.table()
		t.row("action", d.Action)
		t.row("decision", verdict)
		t.row("rule", d.Rule)
		t.flush()
	}
	if err == nil && !d.Allowed {
		return errFailed // the answer is "no"
	}
	return err
}
