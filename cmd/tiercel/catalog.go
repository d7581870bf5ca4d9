package main

import (
	"flag"

	"github.com/tiercel/tiercel/rules"
)

var catalogCommand = &command{
	name:     "catalog",
	synopsis: "[--builtin NAME]",
	summary:  "print a shipped catalog's YAML, to start your own from",
	help: `Catalog prints the YAML source of a catalog shipped with tiercel: the
embedded default, or the one --builtin names. Redirect it to a file
('tiercel catalog > tiers.yaml'), edit
the tiers, check it with 'tiercel check' and 'tiercel lint', and give it
to every command with --catalog. It takes no --catalog (your files are
already yours). --output json writes {"name", "source"}: the catalog's
name and its YAML as one string.`,
	example: `tiercel catalog
tiercel catalog --builtin aws`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		return func(c *cli, args []string) error {
			if len(args) > 0 {
				return usagef("catalog takes no arguments, got %s; name a shipped catalog with --builtin", plural(len(args), "argument"))
			}
			if len(c.catalogs) > 0 {
				return usagef("catalog prints a shipped catalog: give --builtin NAME, not --catalog")
			}
			name := "default"
			if c.builtin.set {
				name = c.builtin.name
			}
			src, err := rules.NamedCatalog(name)
			if err != nil {
				return err
			}
			if c.json() {
				return c.writeJSON(struct {
					Name   string `json:"name"`
					Source string `json:"source"`
				}{name, string(src)})
			}
			_, err = c.stdout.Write(src)
			return err
		}
	},
}
