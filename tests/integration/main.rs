//! End-to-end tests: the real `tercuman` binary on fixture books and on the
//! shipped book, checked with the validators users trust (epubcheck, msgfmt).

mod bad_input;
mod books;
mod browser;
mod careless;
mod cli;
mod commonmark;
mod crashers;
mod editions;
mod glossary;
mod hostile;
mod memory;
mod migrate;
mod omegat;
mod quality;
mod readers;
mod review;
mod serve;
mod shipped_book;
mod support;
mod team;
mod workflow;
mod xliff;
