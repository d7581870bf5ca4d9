package rules

import "cel.dev/cel-go/cel"

type migration struct {
	id, description string
	applies         cel.Program
	effective       cel.Program
	holdPriceUntil  cel.Program
	to              []string
}

func (c *compiler) compileMigrations(files []*catalogFile) {}
