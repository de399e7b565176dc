/** The headless agent that runs on an enrolled endpoint (issue: agent). */
package dev.caisey.agent;
