package main

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/rules"
)

var checkCommand = &command{
	name:     "check",
	synopsis: "[FILE...]",
	summary:  "check catalog files and report every error as file:line:col",
	help: `Check parses, checks and compiles catalog files, merged as the engine loads
them (ids must be unique across the files), and reports every problem found
as file:line:col: path: message. It checks the --catalog files and the FILE
arguments together; with neither, the embedded catalog, or the shipped
catalog --builtin names (which takes no FILE arguments).

Exit status 1 when a file has an error, 3 when a file cannot be read.`,
	example: `tiercel check examples/custom-tiers/tiers.yaml`,
	setup: func(fs *flag.FlagSet) func(*cli, []string) error {
		return func(c *cli, args []string) error { return c.check(args) }
	},
}

type checkJSON struct {
	OK        bool        `json:"ok"`
	Files     []string    `json:"files"`
	Tiers     []string    `json:"tiers,omitempty"`
	Calendars []string    `json:"calendars,omitempty"`
	Rules     []string    `json:"rules,omitempty"`
	Actions   []string    `json:"actions,omitempty"`
	Errors    []errorJSON `json:"errors,omitempty"`
}

type errorJSON struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// positioned lists the positioned errors of err, or one error without a
// position.
func positioned(err error) []errorJSON {
	var list rules.ErrorList
	var one *rules.Error
	switch {
	case errors.As(err, &list):
		out := make([]errorJSON, len(list))
		for i, e := range list {
			out[i] = errorJSON{File: e.File, Line: e.Line, Column: e.Column, Path: e.Path, Message: e.Msg}
		}
		return out
	case errors.As(err, &one):
		return []errorJSON{{File: one.File, Line: one.Line, Column: one.Column, Path: one.Path, Message: one.Msg}}
	}
	return []errorJSON{{Message: err.Error()}}
}

func (c *cli) check(files []string) error {
	files = append(slices.Clone(c.catalogs), files...) // --catalog files are checked with the others
	var e *rules.Engine
	var err error
	names := files
	switch {
	case c.builtin.set && len(files) > 0:
		return usagef("--builtin %s and FILE arguments cannot be combined: --builtin checks the catalog shipped with tiercel, FILE arguments are files; give one",
			c.builtin.name)
	case c.builtin.set:
		names = []string{"(shipped catalog " + c.builtin.name + ")"}
		e, err = c.engine()
	case len(files) == 0:
		e, names = rules.Default(), []string{"(embedded default catalog)"}
	default:
		if e, err = rules.Load(files...); err != nil {
			err = builtinHint(err, files)
		}
	}
	if err != nil {
		if c.json() {
			if werr := c.writeJSON(checkJSON{Files: names, Errors: positioned(err)}); werr != nil {
				return werr
			}
		} else {
			fmt.Fprintln(c.stderr, err)
			for _, f := range files {
				if looksLikeSuite(f) {
					fmt.Fprintf(c.stderr, "%s looks like a test suite: run it with 'tiercel test %s'\n", f, f)
				}
			}
		}
		if !isPositioned(err) {
			return errInputFailed // a file that could not be read: nothing was checked
		}
		return errFailed
	}
	if c.json() {
		return c.writeJSON(checkJSON{
			OK: true, Files: names, Tiers: e.Tiers(), Calendars: e.Calendars(), Rules: e.Rules(), Actions: e.Actions(),
		})
	}
	t := c.table()
	t.row("ok", strings.Join(names, ", "))
	t.row("tiers", countList(e.Tiers()))
	t.row("calendars", countList(e.Calendars()))
	t.row("rules", countList(e.Rules()))
	t.row("actions", countList(e.Actions()))
	t.flush()
	return nil
}

// looksLikeSuite reports whether a file is a YAML mapping with a tests key.
func looksLikeSuite(path string) bool {
	src, err := readfile.Read(path)
	if err != nil {
		return false
	}
	var top map[string]any
	if yaml.Unmarshal(src, &top) != nil {
		return false
	}
	_, ok := top["tests"]
	return ok
}

func countList(s []string) string {
	if len(s) == 0 {
		return "0"
	}
	return fmt.Sprintf("%d: %s", len(s), strings.Join(s, ", "))
}
