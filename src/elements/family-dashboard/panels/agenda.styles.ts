// SPDX-License-Identifier: MIT
/** Styles of <citizen-child-agenda>: the month and week grids, the day cells, the forms around them. */
import { css } from 'lit';

export const agendaStyles = css`
  .agenda-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
    margin-block: 0.75rem;
  }
  .month-nav {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .month-title {
    margin: 0;
    min-inline-size: 7em;
    text-align: center;
    font-size: 1.1rem;
  }
  table.agenda {
    border-collapse: collapse;
    inline-size: 100%;
    table-layout: fixed;
  }
  .agenda th {
    font-size: 0.85rem;
    padding: 0.25rem 0;
  }
  .agenda td {
    border: 1px solid var(--citizen-color-border, #767676);
    block-size: 3.2rem;
    padding: 0.15rem;
    vertical-align: top;
    text-align: center;
    cursor: default;
  }
  .agenda td:empty {
    border-color: transparent;
  }
  .agenda td.day--toggleable {
    cursor: pointer;
  }
  .agenda td:focus {
    outline: 3px solid var(--citizen-color-focus, #ffbf47);
    outline-offset: -3px;
  }
  .day-number {
    display: block;
    font-weight: 600;
  }
  .day-mark {
    display: block;
    font-size: 0.95rem;
    line-height: 1.2;
  }
  .day--booked {
    background: var(--citizen-color-primary, #1d4f91);
    color: #fff;
  }
  .day--pending-book {
    background: #dbe8f7;
    box-shadow: inset 0 0 0 3px var(--citizen-color-primary, #1d4f91);
  }
  .day--pending-cancel {
    background: #fff;
    box-shadow: inset 0 0 0 3px var(--citizen-color-primary, #1d4f91);
    text-decoration: line-through;
  }
  .day--closed,
  .day--past,
  .day--none {
    background: #f0f0f0;
    color: #505050;
  }
  .day--past-booked {
    background: #e4e9f0;
    color: #303030;
  }
  .day--locked {
    background: #f0f0f0;
    color: #303030;
  }
  .day--full {
    background: #fbeaea;
    color: #6b0000;
  }
  .day--conflict {
    box-shadow: inset 0 0 0 3px var(--citizen-color-error, #b00020);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    margin-block: 0.5rem;
    list-style: none;
    font-size: 0.9rem;
  }
  .summary {
    margin-block-start: 1rem;
  }
  .agenda-box {
    container-type: inline-size;
  }
  .weekday-narrow {
    display: none;
  }
  /* A narrow column shows "L M M J V S D" (each header's abbr gives the full name). */
  @container (max-width: 24rem) {
    .agenda td {
      block-size: 2.8rem;
      font-size: 0.85rem;
    }
    .weekday-short {
      display: none;
    }
    .weekday-narrow {
      display: inline;
    }
  }
  .view-switch {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    border: 0;
    padding: 0;
    margin: 0;
  }
  .view-switch legend {
    float: left;
    margin-inline-end: 0.5rem;
    font-weight: 600;
  }
  .view-switch label {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    min-block-size: 2.75rem;
    cursor: pointer;
  }
  .view-switch input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .week-box {
    overflow-x: auto;
  }
  table.agenda-week {
    table-layout: auto;
  }
  .agenda-week th[scope='row'] {
    text-align: start;
    font-weight: 600;
    padding-inline-end: 0.5rem;
    min-inline-size: 7rem;
  }
  .agenda-week td {
    min-inline-size: 3rem;
  }
  /* Drawn by day (a phone): short day names beside the rows, the activities' names above, in small type,
     every activity the same width (an automatic layout gives the longest name the room and cuts the others' words). */
  table.agenda-week--by-day {
    table-layout: fixed;
  }
  .agenda-week--by-day th {
    font-size: 0.8rem;
  }
  .agenda-week--by-day th[scope='col'] {
    vertical-align: bottom;
    padding-inline: 0.125rem;
  }
  .agenda-week--by-day th[scope='row'] {
    /* "lun. 30" on one line, the month under it. */
    inline-size: 3.75rem;
    min-inline-size: 0;
    padding-inline-end: 0.25rem;
  }
  .agenda-week--by-day td {
    min-inline-size: 0;
  }
  .checklist {
    margin-block: 0.75rem;
  }
  .checklist ul {
    margin-block: 0.25rem;
  }
  .repeat {
    margin-block: 1rem;
  }
  .repeat-form .weekday-choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  .repeat-form .until {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: end;
  }
  .repeat-form .until .citizen-field {
    margin-block-end: 0;
  }
`;
