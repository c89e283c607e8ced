// ReadStat, opened with dlopen the first time an SPSS, Stata or SAS file is read or written
// rather than linked: linking it maps libreadstat, libxml2 and ICU into every start of arvio,
// though most sessions read CSV. The header gives the types; its function declarations are
// renamed out of the way, and same-named inline functions call through a table that
// arvio_readstat_load() fills (as the CLibPQ shim does for libpq). Generated from readstat.h's
// prototypes of the functions ArvioData calls.
#ifndef ARVIO_CREADSTAT_SHIM_H
#define ARVIO_CREADSTAT_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#define readstat_add_label_set arvio_readstat_declared_readstat_add_label_set
#define readstat_add_variable arvio_readstat_declared_readstat_add_variable
#define readstat_begin_row arvio_readstat_declared_readstat_begin_row
#define readstat_begin_writing_dta arvio_readstat_declared_readstat_begin_writing_dta
#define readstat_begin_writing_sav arvio_readstat_declared_readstat_begin_writing_sav
#define readstat_double_value arvio_readstat_declared_readstat_double_value
#define readstat_end_row arvio_readstat_declared_readstat_end_row
#define readstat_end_writing arvio_readstat_declared_readstat_end_writing
#define readstat_error_message arvio_readstat_declared_readstat_error_message
#define readstat_get_row_count arvio_readstat_declared_readstat_get_row_count
#define readstat_insert_double_value arvio_readstat_declared_readstat_insert_double_value
#define readstat_insert_missing_value arvio_readstat_declared_readstat_insert_missing_value
#define readstat_insert_string_value arvio_readstat_declared_readstat_insert_string_value
#define readstat_insert_tagged_missing_value arvio_readstat_declared_readstat_insert_tagged_missing_value
#define readstat_label_double_value arvio_readstat_declared_readstat_label_double_value
#define readstat_label_string_value arvio_readstat_declared_readstat_label_string_value
#define readstat_label_tagged_value arvio_readstat_declared_readstat_label_tagged_value
#define readstat_parse_dta arvio_readstat_declared_readstat_parse_dta
#define readstat_parse_por arvio_readstat_declared_readstat_parse_por
#define readstat_parse_sas7bdat arvio_readstat_declared_readstat_parse_sas7bdat
#define readstat_parse_sav arvio_readstat_declared_readstat_parse_sav
#define readstat_parser_free arvio_readstat_declared_readstat_parser_free
#define readstat_parser_init arvio_readstat_declared_readstat_parser_init
#define readstat_set_close_handler arvio_readstat_declared_readstat_set_close_handler
#define readstat_set_data_writer arvio_readstat_declared_readstat_set_data_writer
#define readstat_set_error_handler arvio_readstat_declared_readstat_set_error_handler
#define readstat_set_file_character_encoding arvio_readstat_declared_readstat_set_file_character_encoding
#define readstat_set_io_ctx arvio_readstat_declared_readstat_set_io_ctx
#define readstat_set_metadata_handler arvio_readstat_declared_readstat_set_metadata_handler
#define readstat_set_open_handler arvio_readstat_declared_readstat_set_open_handler
#define readstat_set_read_handler arvio_readstat_declared_readstat_set_read_handler
#define readstat_set_seek_handler arvio_readstat_declared_readstat_set_seek_handler
#define readstat_set_update_handler arvio_readstat_declared_readstat_set_update_handler
#define readstat_set_value_handler arvio_readstat_declared_readstat_set_value_handler
#define readstat_set_value_label_handler arvio_readstat_declared_readstat_set_value_label_handler
#define readstat_set_variable_handler arvio_readstat_declared_readstat_set_variable_handler
#define readstat_string_value arvio_readstat_declared_readstat_string_value
#define readstat_validate_metadata arvio_readstat_declared_readstat_validate_metadata
#define readstat_validate_variable arvio_readstat_declared_readstat_validate_variable
#define readstat_value_is_defined_missing arvio_readstat_declared_readstat_value_is_defined_missing
#define readstat_value_is_system_missing arvio_readstat_declared_readstat_value_is_system_missing
#define readstat_value_is_tagged_missing arvio_readstat_declared_readstat_value_is_tagged_missing
#define readstat_value_tag arvio_readstat_declared_readstat_value_tag
#define readstat_value_type_class arvio_readstat_declared_readstat_value_type_class
#define readstat_variable_add_missing_double_range arvio_readstat_declared_readstat_variable_add_missing_double_range
#define readstat_variable_add_missing_double_value arvio_readstat_declared_readstat_variable_add_missing_double_value
#define readstat_variable_add_missing_string_value arvio_readstat_declared_readstat_variable_add_missing_string_value
#define readstat_variable_get_format arvio_readstat_declared_readstat_variable_get_format
#define readstat_variable_get_index arvio_readstat_declared_readstat_variable_get_index
#define readstat_variable_get_label arvio_readstat_declared_readstat_variable_get_label
#define readstat_variable_get_measure arvio_readstat_declared_readstat_variable_get_measure
#define readstat_variable_get_missing_range_hi arvio_readstat_declared_readstat_variable_get_missing_range_hi
#define readstat_variable_get_missing_range_lo arvio_readstat_declared_readstat_variable_get_missing_range_lo
#define readstat_variable_get_missing_ranges_count arvio_readstat_declared_readstat_variable_get_missing_ranges_count
#define readstat_variable_get_name arvio_readstat_declared_readstat_variable_get_name
#define readstat_variable_get_type_class arvio_readstat_declared_readstat_variable_get_type_class
#define readstat_variable_set_format arvio_readstat_declared_readstat_variable_set_format
#define readstat_variable_set_label arvio_readstat_declared_readstat_variable_set_label
#define readstat_variable_set_label_set arvio_readstat_declared_readstat_variable_set_label_set
#define readstat_variable_set_measure arvio_readstat_declared_readstat_variable_set_measure
#define readstat_writer_free arvio_readstat_declared_readstat_writer_free
#define readstat_writer_init arvio_readstat_declared_readstat_writer_init
#define readstat_writer_set_compression arvio_readstat_declared_readstat_writer_set_compression
#define readstat_writer_set_file_format_version arvio_readstat_declared_readstat_writer_set_file_format_version
#include <readstat.h>
#undef readstat_add_label_set
#undef readstat_add_variable
#undef readstat_begin_row
#undef readstat_begin_writing_dta
#undef readstat_begin_writing_sav
#undef readstat_double_value
#undef readstat_end_row
#undef readstat_end_writing
#undef readstat_error_message
#undef readstat_get_row_count
#undef readstat_insert_double_value
#undef readstat_insert_missing_value
#undef readstat_insert_string_value
#undef readstat_insert_tagged_missing_value
#undef readstat_label_double_value
#undef readstat_label_string_value
#undef readstat_label_tagged_value
#undef readstat_parse_dta
#undef readstat_parse_por
#undef readstat_parse_sas7bdat
#undef readstat_parse_sav
#undef readstat_parser_free
#undef readstat_parser_init
#undef readstat_set_close_handler
#undef readstat_set_data_writer
#undef readstat_set_error_handler
#undef readstat_set_file_character_encoding
#undef readstat_set_io_ctx
#undef readstat_set_metadata_handler
#undef readstat_set_open_handler
#undef readstat_set_read_handler
#undef readstat_set_seek_handler
#undef readstat_set_update_handler
#undef readstat_set_value_handler
#undef readstat_set_value_label_handler
#undef readstat_set_variable_handler
#undef readstat_string_value
#undef readstat_validate_metadata
#undef readstat_validate_variable
#undef readstat_value_is_defined_missing
#undef readstat_value_is_system_missing
#undef readstat_value_is_tagged_missing
#undef readstat_value_tag
#undef readstat_value_type_class
#undef readstat_variable_add_missing_double_range
#undef readstat_variable_add_missing_double_value
#undef readstat_variable_add_missing_string_value
#undef readstat_variable_get_format
#undef readstat_variable_get_index
#undef readstat_variable_get_label
#undef readstat_variable_get_measure
#undef readstat_variable_get_missing_range_hi
#undef readstat_variable_get_missing_range_lo
#undef readstat_variable_get_missing_ranges_count
#undef readstat_variable_get_name
#undef readstat_variable_get_type_class
#undef readstat_variable_set_format
#undef readstat_variable_set_label
#undef readstat_variable_set_label_set
#undef readstat_variable_set_measure
#undef readstat_writer_free
#undef readstat_writer_init
#undef readstat_writer_set_compression
#undef readstat_writer_set_file_format_version

/// ReadStat's functions that ArvioData calls.
typedef struct {
    __typeof__(arvio_readstat_declared_readstat_add_label_set) *readstat_add_label_set;
    __typeof__(arvio_readstat_declared_readstat_add_variable) *readstat_add_variable;
    __typeof__(arvio_readstat_declared_readstat_begin_row) *readstat_begin_row;
    __typeof__(arvio_readstat_declared_readstat_begin_writing_dta) *readstat_begin_writing_dta;
    __typeof__(arvio_readstat_declared_readstat_begin_writing_sav) *readstat_begin_writing_sav;
    __typeof__(arvio_readstat_declared_readstat_double_value) *readstat_double_value;
    __typeof__(arvio_readstat_declared_readstat_end_row) *readstat_end_row;
    __typeof__(arvio_readstat_declared_readstat_end_writing) *readstat_end_writing;
    __typeof__(arvio_readstat_declared_readstat_error_message) *readstat_error_message;
    __typeof__(arvio_readstat_declared_readstat_get_row_count) *readstat_get_row_count;
    __typeof__(arvio_readstat_declared_readstat_insert_double_value) *readstat_insert_double_value;
    __typeof__(arvio_readstat_declared_readstat_insert_missing_value) *readstat_insert_missing_value;
    __typeof__(arvio_readstat_declared_readstat_insert_string_value) *readstat_insert_string_value;
    __typeof__(arvio_readstat_declared_readstat_insert_tagged_missing_value) *readstat_insert_tagged_missing_value;
    __typeof__(arvio_readstat_declared_readstat_label_double_value) *readstat_label_double_value;
    __typeof__(arvio_readstat_declared_readstat_label_string_value) *readstat_label_string_value;
    __typeof__(arvio_readstat_declared_readstat_label_tagged_value) *readstat_label_tagged_value;
    __typeof__(arvio_readstat_declared_readstat_parse_dta) *readstat_parse_dta;
    __typeof__(arvio_readstat_declared_readstat_parse_por) *readstat_parse_por;
    __typeof__(arvio_readstat_declared_readstat_parse_sas7bdat) *readstat_parse_sas7bdat;
    __typeof__(arvio_readstat_declared_readstat_parse_sav) *readstat_parse_sav;
    __typeof__(arvio_readstat_declared_readstat_parser_free) *readstat_parser_free;
    __typeof__(arvio_readstat_declared_readstat_parser_init) *readstat_parser_init;
    __typeof__(arvio_readstat_declared_readstat_set_close_handler) *readstat_set_close_handler;
    __typeof__(arvio_readstat_declared_readstat_set_data_writer) *readstat_set_data_writer;
    __typeof__(arvio_readstat_declared_readstat_set_error_handler) *readstat_set_error_handler;
    __typeof__(arvio_readstat_declared_readstat_set_file_character_encoding) *readstat_set_file_character_encoding;
    __typeof__(arvio_readstat_declared_readstat_set_io_ctx) *readstat_set_io_ctx;
    __typeof__(arvio_readstat_declared_readstat_set_metadata_handler) *readstat_set_metadata_handler;
    __typeof__(arvio_readstat_declared_readstat_set_open_handler) *readstat_set_open_handler;
    __typeof__(arvio_readstat_declared_readstat_set_read_handler) *readstat_set_read_handler;
    __typeof__(arvio_readstat_declared_readstat_set_seek_handler) *readstat_set_seek_handler;
    __typeof__(arvio_readstat_declared_readstat_set_update_handler) *readstat_set_update_handler;
    __typeof__(arvio_readstat_declared_readstat_set_value_handler) *readstat_set_value_handler;
    __typeof__(arvio_readstat_declared_readstat_set_value_label_handler) *readstat_set_value_label_handler;
    __typeof__(arvio_readstat_declared_readstat_set_variable_handler) *readstat_set_variable_handler;
    __typeof__(arvio_readstat_declared_readstat_string_value) *readstat_string_value;
    __typeof__(arvio_readstat_declared_readstat_validate_metadata) *readstat_validate_metadata;
    __typeof__(arvio_readstat_declared_readstat_validate_variable) *readstat_validate_variable;
    __typeof__(arvio_readstat_declared_readstat_value_is_defined_missing) *readstat_value_is_defined_missing;
    __typeof__(arvio_readstat_declared_readstat_value_is_system_missing) *readstat_value_is_system_missing;
    __typeof__(arvio_readstat_declared_readstat_value_is_tagged_missing) *readstat_value_is_tagged_missing;
    __typeof__(arvio_readstat_declared_readstat_value_tag) *readstat_value_tag;
    __typeof__(arvio_readstat_declared_readstat_value_type_class) *readstat_value_type_class;
    __typeof__(arvio_readstat_declared_readstat_variable_add_missing_double_range) *readstat_variable_add_missing_double_range;
    __typeof__(arvio_readstat_declared_readstat_variable_add_missing_double_value) *readstat_variable_add_missing_double_value;
    __typeof__(arvio_readstat_declared_readstat_variable_add_missing_string_value) *readstat_variable_add_missing_string_value;
    __typeof__(arvio_readstat_declared_readstat_variable_get_format) *readstat_variable_get_format;
    __typeof__(arvio_readstat_declared_readstat_variable_get_index) *readstat_variable_get_index;
    __typeof__(arvio_readstat_declared_readstat_variable_get_label) *readstat_variable_get_label;
    __typeof__(arvio_readstat_declared_readstat_variable_get_measure) *readstat_variable_get_measure;
    __typeof__(arvio_readstat_declared_readstat_variable_get_missing_range_hi) *readstat_variable_get_missing_range_hi;
    __typeof__(arvio_readstat_declared_readstat_variable_get_missing_range_lo) *readstat_variable_get_missing_range_lo;
    __typeof__(arvio_readstat_declared_readstat_variable_get_missing_ranges_count) *readstat_variable_get_missing_ranges_count;
    __typeof__(arvio_readstat_declared_readstat_variable_get_name) *readstat_variable_get_name;
    __typeof__(arvio_readstat_declared_readstat_variable_get_type_class) *readstat_variable_get_type_class;
    __typeof__(arvio_readstat_declared_readstat_variable_set_format) *readstat_variable_set_format;
    __typeof__(arvio_readstat_declared_readstat_variable_set_label) *readstat_variable_set_label;
    __typeof__(arvio_readstat_declared_readstat_variable_set_label_set) *readstat_variable_set_label_set;
    __typeof__(arvio_readstat_declared_readstat_variable_set_measure) *readstat_variable_set_measure;
    __typeof__(arvio_readstat_declared_readstat_writer_free) *readstat_writer_free;
    __typeof__(arvio_readstat_declared_readstat_writer_init) *readstat_writer_init;
    __typeof__(arvio_readstat_declared_readstat_writer_set_compression) *readstat_writer_set_compression;
    __typeof__(arvio_readstat_declared_readstat_writer_set_file_format_version) *readstat_writer_set_file_format_version;
} ArvioReadStat;

/// The table and whether it is filled, in a function's static (Swift's importer emits a
/// header's inline functions, not its static variables).
typedef struct {
    ArvioReadStat table;
    const char *problem;
    pthread_once_t once;
} ArvioReadStatState;

static inline ArvioReadStatState *arvio_rs_state(void) {
    static ArvioReadStatState state = { .problem = "ReadStat was not loaded", .once = PTHREAD_ONCE_INIT };
    return &state;
}

static inline void arvio_rs_open(void) {
    ArvioReadStatState *state = arvio_rs_state();
    void *library = dlopen("libreadstat.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        state->problem = "the ReadStat library libreadstat.so.1 is not installed (Debian: apt-get install libreadstat1)";
        return;
    }
#define ARVIO_RS_LOOK(name) \
    if (!(state->table.name = (__typeof__(state->table.name))dlsym(library, #name))) { \
        state->problem = "libreadstat.so.1 lacks " #name ", which arvio needs"; return; }
    ARVIO_RS_LOOK(readstat_add_label_set);
    ARVIO_RS_LOOK(readstat_add_variable);
    ARVIO_RS_LOOK(readstat_begin_row);
    ARVIO_RS_LOOK(readstat_begin_writing_dta);
    ARVIO_RS_LOOK(readstat_begin_writing_sav);
    ARVIO_RS_LOOK(readstat_double_value);
    ARVIO_RS_LOOK(readstat_end_row);
    ARVIO_RS_LOOK(readstat_end_writing);
    ARVIO_RS_LOOK(readstat_error_message);
    ARVIO_RS_LOOK(readstat_get_row_count);
    ARVIO_RS_LOOK(readstat_insert_double_value);
    ARVIO_RS_LOOK(readstat_insert_missing_value);
    ARVIO_RS_LOOK(readstat_insert_string_value);
    ARVIO_RS_LOOK(readstat_insert_tagged_missing_value);
    ARVIO_RS_LOOK(readstat_label_double_value);
    ARVIO_RS_LOOK(readstat_label_string_value);
    ARVIO_RS_LOOK(readstat_label_tagged_value);
    ARVIO_RS_LOOK(readstat_parse_dta);
    ARVIO_RS_LOOK(readstat_parse_por);
    ARVIO_RS_LOOK(readstat_parse_sas7bdat);
    ARVIO_RS_LOOK(readstat_parse_sav);
    ARVIO_RS_LOOK(readstat_parser_free);
    ARVIO_RS_LOOK(readstat_parser_init);
    ARVIO_RS_LOOK(readstat_set_close_handler);
    ARVIO_RS_LOOK(readstat_set_data_writer);
    ARVIO_RS_LOOK(readstat_set_error_handler);
    ARVIO_RS_LOOK(readstat_set_file_character_encoding);
    ARVIO_RS_LOOK(readstat_set_io_ctx);
    ARVIO_RS_LOOK(readstat_set_metadata_handler);
    ARVIO_RS_LOOK(readstat_set_open_handler);
    ARVIO_RS_LOOK(readstat_set_read_handler);
    ARVIO_RS_LOOK(readstat_set_seek_handler);
    ARVIO_RS_LOOK(readstat_set_update_handler);
    ARVIO_RS_LOOK(readstat_set_value_handler);
    ARVIO_RS_LOOK(readstat_set_value_label_handler);
    ARVIO_RS_LOOK(readstat_set_variable_handler);
    ARVIO_RS_LOOK(readstat_string_value);
    ARVIO_RS_LOOK(readstat_validate_metadata);
    ARVIO_RS_LOOK(readstat_validate_variable);
    ARVIO_RS_LOOK(readstat_value_is_defined_missing);
    ARVIO_RS_LOOK(readstat_value_is_system_missing);
    ARVIO_RS_LOOK(readstat_value_is_tagged_missing);
    ARVIO_RS_LOOK(readstat_value_tag);
    ARVIO_RS_LOOK(readstat_value_type_class);
    ARVIO_RS_LOOK(readstat_variable_add_missing_double_range);
    ARVIO_RS_LOOK(readstat_variable_add_missing_double_value);
    ARVIO_RS_LOOK(readstat_variable_add_missing_string_value);
    ARVIO_RS_LOOK(readstat_variable_get_format);
    ARVIO_RS_LOOK(readstat_variable_get_index);
    ARVIO_RS_LOOK(readstat_variable_get_label);
    ARVIO_RS_LOOK(readstat_variable_get_measure);
    ARVIO_RS_LOOK(readstat_variable_get_missing_range_hi);
    ARVIO_RS_LOOK(readstat_variable_get_missing_range_lo);
    ARVIO_RS_LOOK(readstat_variable_get_missing_ranges_count);
    ARVIO_RS_LOOK(readstat_variable_get_name);
    ARVIO_RS_LOOK(readstat_variable_get_type_class);
    ARVIO_RS_LOOK(readstat_variable_set_format);
    ARVIO_RS_LOOK(readstat_variable_set_label);
    ARVIO_RS_LOOK(readstat_variable_set_label_set);
    ARVIO_RS_LOOK(readstat_variable_set_measure);
    ARVIO_RS_LOOK(readstat_writer_free);
    ARVIO_RS_LOOK(readstat_writer_init);
    ARVIO_RS_LOOK(readstat_writer_set_compression);
    ARVIO_RS_LOOK(readstat_writer_set_file_format_version);
#undef ARVIO_RS_LOOK
    state->problem = NULL;
}

/// Opens ReadStat once; NULL when it is ready, else why not. Call before any other readstat_ function.
static inline const char *arvio_readstat_load(void) {
    ArvioReadStatState *state = arvio_rs_state();
    pthread_once(&state->once, arvio_rs_open);
    return state->problem;
}

static inline const ArvioReadStat *arvio_rs(void) { return &arvio_rs_state()->table; }

static inline readstat_label_set_t *readstat_add_label_set(readstat_writer_t *writer, readstat_type_t type, const char *name) { return arvio_rs()->readstat_add_label_set(writer, type, name); }
static inline readstat_variable_t *readstat_add_variable(readstat_writer_t *writer, const char *name, readstat_type_t type, size_t storage_width) { return arvio_rs()->readstat_add_variable(writer, name, type, storage_width); }
static inline readstat_error_t readstat_begin_row(readstat_writer_t *writer) { return arvio_rs()->readstat_begin_row(writer); }
static inline readstat_error_t readstat_begin_writing_dta(readstat_writer_t *writer, void *user_ctx, long row_count) { return arvio_rs()->readstat_begin_writing_dta(writer, user_ctx, row_count); }
static inline readstat_error_t readstat_begin_writing_sav(readstat_writer_t *writer, void *user_ctx, long row_count) { return arvio_rs()->readstat_begin_writing_sav(writer, user_ctx, row_count); }
static inline double readstat_double_value(readstat_value_t value) { return arvio_rs()->readstat_double_value(value); }
static inline readstat_error_t readstat_end_row(readstat_writer_t *writer) { return arvio_rs()->readstat_end_row(writer); }
static inline readstat_error_t readstat_end_writing(readstat_writer_t *writer) { return arvio_rs()->readstat_end_writing(writer); }
static inline const char *readstat_error_message(readstat_error_t error_code) { return arvio_rs()->readstat_error_message(error_code); }
static inline int readstat_get_row_count(readstat_metadata_t *metadata) { return arvio_rs()->readstat_get_row_count(metadata); }
static inline readstat_error_t readstat_insert_double_value(readstat_writer_t *writer, const readstat_variable_t *variable, double value) { return arvio_rs()->readstat_insert_double_value(writer, variable, value); }
static inline readstat_error_t readstat_insert_missing_value(readstat_writer_t *writer, const readstat_variable_t *variable) { return arvio_rs()->readstat_insert_missing_value(writer, variable); }
static inline readstat_error_t readstat_insert_string_value(readstat_writer_t *writer, const readstat_variable_t *variable, const char *value) { return arvio_rs()->readstat_insert_string_value(writer, variable, value); }
static inline readstat_error_t readstat_insert_tagged_missing_value(readstat_writer_t *writer, const readstat_variable_t *variable, char tag) { return arvio_rs()->readstat_insert_tagged_missing_value(writer, variable, tag); }
static inline void readstat_label_double_value(readstat_label_set_t *label_set, double value, const char *label) { arvio_rs()->readstat_label_double_value(label_set, value, label); }
static inline void readstat_label_string_value(readstat_label_set_t *label_set, const char *value, const char *label) { arvio_rs()->readstat_label_string_value(label_set, value, label); }
static inline void readstat_label_tagged_value(readstat_label_set_t *label_set, char tag, const char *label) { arvio_rs()->readstat_label_tagged_value(label_set, tag, label); }
static inline readstat_error_t readstat_parse_dta(readstat_parser_t *parser, const char *path, void *user_ctx) { return arvio_rs()->readstat_parse_dta(parser, path, user_ctx); }
static inline readstat_error_t readstat_parse_por(readstat_parser_t *parser, const char *path, void *user_ctx) { return arvio_rs()->readstat_parse_por(parser, path, user_ctx); }
static inline readstat_error_t readstat_parse_sas7bdat(readstat_parser_t *parser, const char *path, void *user_ctx) { return arvio_rs()->readstat_parse_sas7bdat(parser, path, user_ctx); }
static inline readstat_error_t readstat_parse_sav(readstat_parser_t *parser, const char *path, void *user_ctx) { return arvio_rs()->readstat_parse_sav(parser, path, user_ctx); }
static inline void readstat_parser_free(readstat_parser_t *parser) { arvio_rs()->readstat_parser_free(parser); }
static inline readstat_parser_t *readstat_parser_init(void) { return arvio_rs()->readstat_parser_init(); }
static inline readstat_error_t readstat_set_close_handler(readstat_parser_t *parser, readstat_close_handler close_handler) { return arvio_rs()->readstat_set_close_handler(parser, close_handler); }
static inline readstat_error_t readstat_set_data_writer(readstat_writer_t *writer, readstat_data_writer data_writer) { return arvio_rs()->readstat_set_data_writer(writer, data_writer); }
static inline readstat_error_t readstat_set_error_handler(readstat_parser_t *parser, readstat_error_handler error_handler) { return arvio_rs()->readstat_set_error_handler(parser, error_handler); }
static inline readstat_error_t readstat_set_file_character_encoding(readstat_parser_t *parser, const char *encoding) { return arvio_rs()->readstat_set_file_character_encoding(parser, encoding); }
static inline readstat_error_t readstat_set_io_ctx(readstat_parser_t *parser, void *io_ctx) { return arvio_rs()->readstat_set_io_ctx(parser, io_ctx); }
static inline readstat_error_t readstat_set_metadata_handler(readstat_parser_t *parser, readstat_metadata_handler metadata_handler) { return arvio_rs()->readstat_set_metadata_handler(parser, metadata_handler); }
static inline readstat_error_t readstat_set_open_handler(readstat_parser_t *parser, readstat_open_handler open_handler) { return arvio_rs()->readstat_set_open_handler(parser, open_handler); }
static inline readstat_error_t readstat_set_read_handler(readstat_parser_t *parser, readstat_read_handler read_handler) { return arvio_rs()->readstat_set_read_handler(parser, read_handler); }
static inline readstat_error_t readstat_set_seek_handler(readstat_parser_t *parser, readstat_seek_handler seek_handler) { return arvio_rs()->readstat_set_seek_handler(parser, seek_handler); }
static inline readstat_error_t readstat_set_update_handler(readstat_parser_t *parser, readstat_update_handler update_handler) { return arvio_rs()->readstat_set_update_handler(parser, update_handler); }
static inline readstat_error_t readstat_set_value_handler(readstat_parser_t *parser, readstat_value_handler value_handler) { return arvio_rs()->readstat_set_value_handler(parser, value_handler); }
static inline readstat_error_t readstat_set_value_label_handler(readstat_parser_t *parser, readstat_value_label_handler value_label_handler) { return arvio_rs()->readstat_set_value_label_handler(parser, value_label_handler); }
static inline readstat_error_t readstat_set_variable_handler(readstat_parser_t *parser, readstat_variable_handler variable_handler) { return arvio_rs()->readstat_set_variable_handler(parser, variable_handler); }
static inline const char *readstat_string_value(readstat_value_t value) { return arvio_rs()->readstat_string_value(value); }
static inline readstat_error_t readstat_validate_metadata(readstat_writer_t *writer) { return arvio_rs()->readstat_validate_metadata(writer); }
static inline readstat_error_t readstat_validate_variable(readstat_writer_t *writer, const readstat_variable_t *variable) { return arvio_rs()->readstat_validate_variable(writer, variable); }
static inline int readstat_value_is_defined_missing(readstat_value_t value, readstat_variable_t *variable) { return arvio_rs()->readstat_value_is_defined_missing(value, variable); }
static inline int readstat_value_is_system_missing(readstat_value_t value) { return arvio_rs()->readstat_value_is_system_missing(value); }
static inline int readstat_value_is_tagged_missing(readstat_value_t value) { return arvio_rs()->readstat_value_is_tagged_missing(value); }
static inline char readstat_value_tag(readstat_value_t value) { return arvio_rs()->readstat_value_tag(value); }
static inline readstat_type_class_t readstat_value_type_class(readstat_value_t value) { return arvio_rs()->readstat_value_type_class(value); }
static inline readstat_error_t readstat_variable_add_missing_double_range(readstat_variable_t *variable, double lo, double hi) { return arvio_rs()->readstat_variable_add_missing_double_range(variable, lo, hi); }
static inline readstat_error_t readstat_variable_add_missing_double_value(readstat_variable_t *variable, double value) { return arvio_rs()->readstat_variable_add_missing_double_value(variable, value); }
static inline readstat_error_t readstat_variable_add_missing_string_value(readstat_variable_t *variable, const char *value) { return arvio_rs()->readstat_variable_add_missing_string_value(variable, value); }
static inline const char *readstat_variable_get_format(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_format(variable); }
static inline int readstat_variable_get_index(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_index(variable); }
static inline const char *readstat_variable_get_label(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_label(variable); }
static inline readstat_measure_t readstat_variable_get_measure(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_measure(variable); }
static inline readstat_value_t readstat_variable_get_missing_range_hi(const readstat_variable_t *variable, int i) { return arvio_rs()->readstat_variable_get_missing_range_hi(variable, i); }
static inline readstat_value_t readstat_variable_get_missing_range_lo(const readstat_variable_t *variable, int i) { return arvio_rs()->readstat_variable_get_missing_range_lo(variable, i); }
static inline int readstat_variable_get_missing_ranges_count(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_missing_ranges_count(variable); }
static inline const char *readstat_variable_get_name(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_name(variable); }
static inline readstat_type_class_t readstat_variable_get_type_class(const readstat_variable_t *variable) { return arvio_rs()->readstat_variable_get_type_class(variable); }
static inline void readstat_variable_set_format(readstat_variable_t *variable, const char *format) { arvio_rs()->readstat_variable_set_format(variable, format); }
static inline void readstat_variable_set_label(readstat_variable_t *variable, const char *label) { arvio_rs()->readstat_variable_set_label(variable, label); }
static inline void readstat_variable_set_label_set(readstat_variable_t *variable, readstat_label_set_t *label_set) { arvio_rs()->readstat_variable_set_label_set(variable, label_set); }
static inline void readstat_variable_set_measure(readstat_variable_t *variable, readstat_measure_t measure) { arvio_rs()->readstat_variable_set_measure(variable, measure); }
static inline void readstat_writer_free(readstat_writer_t *writer) { arvio_rs()->readstat_writer_free(writer); }
static inline readstat_writer_t *readstat_writer_init(void) { return arvio_rs()->readstat_writer_init(); }
static inline readstat_error_t readstat_writer_set_compression(readstat_writer_t *writer, readstat_compress_t compression) { return arvio_rs()->readstat_writer_set_compression(writer, compression); }
static inline readstat_error_t readstat_writer_set_file_format_version(readstat_writer_t *writer, uint8_t file_format_version) { return arvio_rs()->readstat_writer_set_file_format_version(writer, file_format_version); }

#endif
