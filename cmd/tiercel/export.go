package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/tiercel/tiercel/rules"
)

// exporter is one FORMAT of tiercel export: a row of exporters. Its flags
// registers the flags only it takes and returns the function that writes
// the catalog in the format; the flags of every row are registered, and
// one given for another format is a usage error.
type exporter struct {
	name    string
	summary string   // one line for the command's help
	owns    []string // the names of the flags it registers
	flags   func(fs *flag.FlagSet) func(c *cli, e *rules.Engine) error
}

// exporters are the formats of tiercel export, in the order the help lists
// them. A new format adds its row here, in a file of its own.
var exporters = []*exporter{icsExporter}

var exportCommand = &command{
	name:     "export",
	synopsis: "FORMAT [CATALOG]",
	summary:  "write a catalog's data in another tool's format: " + exportFormats(),
	help: `Export writes data of the catalog CATALOG (or --catalog, --builtin, or the
embedded catalog) to stdout in another tool's format; with --output json,
the same data as JSON. FORMAT is one of:

` + exportHelp() + `
Exit status 2 for an unknown format or a flag of another format, 3 when
the catalog cannot be read, 4 when it has no such calendar.`,
	example: `tiercel export ics examples/holidays/office.yaml --calendar office --from 2026-01-01 --to 2026-12-31`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		run := map[string]func(*cli, *rules.Engine) error{}
		for _, x := range exporters {
			run[x.name] = x.flags(fs)
		}
		return func(c *cli, args []string) error {
			if len(args) == 0 || len(args) > 2 {
				return usagef("want FORMAT (%s) and at most one CATALOG; got %s", exportFormats(), plural(len(args), "argument"))
			}
			x := exporterNamed(args[0])
			if x == nil {
				return usagef("unknown format %q: want %s", args[0], exportFormats())
			}
			if err := x.checkFlags(fs); err != nil {
				return err
			}
			e, err := c.exportEngine(args[1:])
			if err != nil {
				return err
			}
			return run[x.name](c, e)
		}
	},
}

func exporterNamed(name string) *exporter {
	i := slices.IndexFunc(exporters, func(x *exporter) bool { return x.name == name })
	if i < 0 {
		return nil
	}
	return exporters[i]
}

// checkFlags refuses a flag that another format registered.
func (x *exporter) checkFlags(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		for _, other := range exporters {
			if other != x && slices.Contains(other.owns, f.Name) && !slices.Contains(x.owns, f.Name) && err == nil {
				err = usagef("--%s is a flag of export %s, not of export %s", f.Name, other.name, x.name)
			}
		}
	})
	return err
}

// exportEngine loads the CATALOG argument, or the catalog the common flags
// choose; both is a usage error.
func (c *cli) exportEngine(catalog []string) (*rules.Engine, error) {
	if len(catalog) == 0 {
		return c.engine()
	}
	if c.customCatalog() {
		return nil, usagef("CATALOG %s and %s cannot be combined: give one", catalog[0], c.catalogFlag())
	}
	e, err := rules.Load(catalog[0])
	if err != nil {
		return nil, builtinHint(err, catalog)
	}
	return e, nil
}

func exportFormats() string {
	names := make([]string, len(exporters))
	for i, x := range exporters {
		names[i] = x.name
	}
	return strings.Join(names, ", ")
}

func exportHelp() string {
	var b strings.Builder
	for _, x := range exporters {
		fmt.Fprintf(&b, "  %-10s %s\n", x.name, x.summary)
	}
	return b.String()
}
