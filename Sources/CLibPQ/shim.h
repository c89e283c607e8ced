// libpq, opened with dlopen the first time a connection is made rather than linked: linking it
// loads libpq's OpenSSL, Kerberos, LDAP and GnuTLS chain (some 20 shared libraries, about 7 ms)
// into every start of arvio, though most sessions never connect. The header gives the types; its
// function declarations are renamed out of the way, and same-named inline functions call through
// a table that arvio_pq_load() fills. Swift calls PQstatus(...) as if libpq were linked.
#ifndef ARVIO_CLIBPQ_SHIM_H
#define ARVIO_CLIBPQ_SHIM_H

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#define PQconnectdbParams arvio_libpq_declared_PQconnectdbParams
#define PQpass arvio_libpq_declared_PQpass
#define PQstatus arvio_libpq_declared_PQstatus
#define PQerrorMessage arvio_libpq_declared_PQerrorMessage
#define PQfinish arvio_libpq_declared_PQfinish
#define PQhost arvio_libpq_declared_PQhost
#define PQuser arvio_libpq_declared_PQuser
#define PQport arvio_libpq_declared_PQport
#define PQdb arvio_libpq_declared_PQdb
#define PQserverVersion arvio_libpq_declared_PQserverVersion
#define PQsendQueryParams arvio_libpq_declared_PQsendQueryParams
#define PQisBusy arvio_libpq_declared_PQisBusy
#define PQsocket arvio_libpq_declared_PQsocket
#define PQconsumeInput arvio_libpq_declared_PQconsumeInput
#define PQgetResult arvio_libpq_declared_PQgetResult
#define PQclear arvio_libpq_declared_PQclear
#define PQresultStatus arvio_libpq_declared_PQresultStatus
#define PQgetCancel arvio_libpq_declared_PQgetCancel
#define PQcancel arvio_libpq_declared_PQcancel
#define PQfreeCancel arvio_libpq_declared_PQfreeCancel
#define PQresultErrorMessage arvio_libpq_declared_PQresultErrorMessage
#define PQresultErrorField arvio_libpq_declared_PQresultErrorField
#define PQnfields arvio_libpq_declared_PQnfields
#define PQntuples arvio_libpq_declared_PQntuples
#define PQfname arvio_libpq_declared_PQfname
#define PQftype arvio_libpq_declared_PQftype
#define PQgetisnull arvio_libpq_declared_PQgetisnull
#define PQgetvalue arvio_libpq_declared_PQgetvalue
#define PQconninfoParse arvio_libpq_declared_PQconninfoParse
#define PQfreemem arvio_libpq_declared_PQfreemem
#define PQconninfoFree arvio_libpq_declared_PQconninfoFree
#include <postgresql/libpq-fe.h>
#undef PQconnectdbParams
#undef PQpass
#undef PQstatus
#undef PQerrorMessage
#undef PQfinish
#undef PQhost
#undef PQuser
#undef PQport
#undef PQdb
#undef PQserverVersion
#undef PQsendQueryParams
#undef PQisBusy
#undef PQsocket
#undef PQconsumeInput
#undef PQgetResult
#undef PQclear
#undef PQresultStatus
#undef PQgetCancel
#undef PQcancel
#undef PQfreeCancel
#undef PQresultErrorMessage
#undef PQresultErrorField
#undef PQnfields
#undef PQntuples
#undef PQfname
#undef PQftype
#undef PQgetisnull
#undef PQgetvalue
#undef PQconninfoParse
#undef PQfreemem
#undef PQconninfoFree

/// libpq's functions that ArvioRemote calls.
typedef struct {
    __typeof__(arvio_libpq_declared_PQconnectdbParams) *PQconnectdbParams;
    __typeof__(arvio_libpq_declared_PQpass) *PQpass;
    __typeof__(arvio_libpq_declared_PQstatus) *PQstatus;
    __typeof__(arvio_libpq_declared_PQerrorMessage) *PQerrorMessage;
    __typeof__(arvio_libpq_declared_PQfinish) *PQfinish;
    __typeof__(arvio_libpq_declared_PQhost) *PQhost;
    __typeof__(arvio_libpq_declared_PQuser) *PQuser;
    __typeof__(arvio_libpq_declared_PQport) *PQport;
    __typeof__(arvio_libpq_declared_PQdb) *PQdb;
    __typeof__(arvio_libpq_declared_PQserverVersion) *PQserverVersion;
    __typeof__(arvio_libpq_declared_PQsendQueryParams) *PQsendQueryParams;
    __typeof__(arvio_libpq_declared_PQisBusy) *PQisBusy;
    __typeof__(arvio_libpq_declared_PQsocket) *PQsocket;
    __typeof__(arvio_libpq_declared_PQconsumeInput) *PQconsumeInput;
    __typeof__(arvio_libpq_declared_PQgetResult) *PQgetResult;
    __typeof__(arvio_libpq_declared_PQclear) *PQclear;
    __typeof__(arvio_libpq_declared_PQresultStatus) *PQresultStatus;
    __typeof__(arvio_libpq_declared_PQgetCancel) *PQgetCancel;
    __typeof__(arvio_libpq_declared_PQcancel) *PQcancel;
    __typeof__(arvio_libpq_declared_PQfreeCancel) *PQfreeCancel;
    __typeof__(arvio_libpq_declared_PQresultErrorMessage) *PQresultErrorMessage;
    __typeof__(arvio_libpq_declared_PQresultErrorField) *PQresultErrorField;
    __typeof__(arvio_libpq_declared_PQnfields) *PQnfields;
    __typeof__(arvio_libpq_declared_PQntuples) *PQntuples;
    __typeof__(arvio_libpq_declared_PQfname) *PQfname;
    __typeof__(arvio_libpq_declared_PQftype) *PQftype;
    __typeof__(arvio_libpq_declared_PQgetisnull) *PQgetisnull;
    __typeof__(arvio_libpq_declared_PQgetvalue) *PQgetvalue;
    __typeof__(arvio_libpq_declared_PQconninfoParse) *PQconninfoParse;
    __typeof__(arvio_libpq_declared_PQfreemem) *PQfreemem;
    __typeof__(arvio_libpq_declared_PQconninfoFree) *PQconninfoFree;
} ArvioPQ;

/// The table and whether it is filled. It lives in a function's static rather than a file's:
/// Swift's importer emits the inline functions of a header, not its static variables.
typedef struct {
    ArvioPQ table;
    const char *problem;
    pthread_once_t once;
} ArvioPQState;

static inline ArvioPQState *arvio_pq_state(void) {
    static ArvioPQState state = { .problem = "libpq was not loaded", .once = PTHREAD_ONCE_INIT };
    return &state;
}

static inline void arvio_pq_open(void) {
    ArvioPQState *state = arvio_pq_state();
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        state->problem = "PostgreSQL's client library libpq.so.5 is not installed (Debian: apt-get install libpq5)";
        return;
    }
#define ARVIO_PQ_LOOK(name) \
    if (!(state->table.name = (__typeof__(state->table.name))dlsym(library, #name))) { \
        state->problem = "libpq.so.5 lacks " #name ", which arvio needs (PostgreSQL 10 or later)"; return; }
    ARVIO_PQ_LOOK(PQconnectdbParams);
    ARVIO_PQ_LOOK(PQpass);
    ARVIO_PQ_LOOK(PQstatus);
    ARVIO_PQ_LOOK(PQerrorMessage);
    ARVIO_PQ_LOOK(PQfinish);
    ARVIO_PQ_LOOK(PQhost);
    ARVIO_PQ_LOOK(PQuser);
    ARVIO_PQ_LOOK(PQport);
    ARVIO_PQ_LOOK(PQdb);
    ARVIO_PQ_LOOK(PQserverVersion);
    ARVIO_PQ_LOOK(PQsendQueryParams);
    ARVIO_PQ_LOOK(PQisBusy);
    ARVIO_PQ_LOOK(PQsocket);
    ARVIO_PQ_LOOK(PQconsumeInput);
    ARVIO_PQ_LOOK(PQgetResult);
    ARVIO_PQ_LOOK(PQclear);
    ARVIO_PQ_LOOK(PQresultStatus);
    ARVIO_PQ_LOOK(PQgetCancel);
    ARVIO_PQ_LOOK(PQcancel);
    ARVIO_PQ_LOOK(PQfreeCancel);
    ARVIO_PQ_LOOK(PQresultErrorMessage);
    ARVIO_PQ_LOOK(PQresultErrorField);
    ARVIO_PQ_LOOK(PQnfields);
    ARVIO_PQ_LOOK(PQntuples);
    ARVIO_PQ_LOOK(PQfname);
    ARVIO_PQ_LOOK(PQftype);
    ARVIO_PQ_LOOK(PQgetisnull);
    ARVIO_PQ_LOOK(PQgetvalue);
    ARVIO_PQ_LOOK(PQconninfoParse);
    ARVIO_PQ_LOOK(PQfreemem);
    ARVIO_PQ_LOOK(PQconninfoFree);
#undef ARVIO_PQ_LOOK
    state->problem = NULL;
}

/// Opens libpq once; NULL when it is ready, else why it is not. Call before any other PQ function.
static inline const char *arvio_pq_load(void) {
    ArvioPQState *state = arvio_pq_state();
    pthread_once(&state->once, arvio_pq_open);
    return state->problem;
}

static inline const ArvioPQ *arvio_pq(void) { return &arvio_pq_state()->table; }

static inline PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname) { return arvio_pq()->PQconnectdbParams(keywords, values, expand_dbname); }
static inline char *PQpass(const PGconn *conn) { return arvio_pq()->PQpass(conn); }
static inline ConnStatusType PQstatus(const PGconn *conn) { return arvio_pq()->PQstatus(conn); }
static inline char *PQerrorMessage(const PGconn *conn) { return arvio_pq()->PQerrorMessage(conn); }
static inline void PQfinish(PGconn *conn) { arvio_pq()->PQfinish(conn); }
static inline char *PQhost(const PGconn *conn) { return arvio_pq()->PQhost(conn); }
static inline char *PQuser(const PGconn *conn) { return arvio_pq()->PQuser(conn); }
static inline char *PQport(const PGconn *conn) { return arvio_pq()->PQport(conn); }
static inline char *PQdb(const PGconn *conn) { return arvio_pq()->PQdb(conn); }
static inline int PQserverVersion(const PGconn *conn) { return arvio_pq()->PQserverVersion(conn); }
static inline int PQsendQueryParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat) { return arvio_pq()->PQsendQueryParams(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat); }
static inline int PQisBusy(PGconn *conn) { return arvio_pq()->PQisBusy(conn); }
static inline int PQsocket(const PGconn *conn) { return arvio_pq()->PQsocket(conn); }
static inline int PQconsumeInput(PGconn *conn) { return arvio_pq()->PQconsumeInput(conn); }
static inline PGresult *PQgetResult(PGconn *conn) { return arvio_pq()->PQgetResult(conn); }
static inline void PQclear(PGresult *res) { arvio_pq()->PQclear(res); }
static inline ExecStatusType PQresultStatus(const PGresult *res) { return arvio_pq()->PQresultStatus(res); }
static inline PGcancel *PQgetCancel(PGconn *conn) { return arvio_pq()->PQgetCancel(conn); }
static inline int PQcancel(PGcancel *cancel, char *errbuf, int errbufsize) { return arvio_pq()->PQcancel(cancel, errbuf, errbufsize); }
static inline void PQfreeCancel(PGcancel *cancel) { arvio_pq()->PQfreeCancel(cancel); }
static inline char *PQresultErrorMessage(const PGresult *res) { return arvio_pq()->PQresultErrorMessage(res); }
static inline char *PQresultErrorField(const PGresult *res, int fieldcode) { return arvio_pq()->PQresultErrorField(res, fieldcode); }
static inline int PQnfields(const PGresult *res) { return arvio_pq()->PQnfields(res); }
static inline int PQntuples(const PGresult *res) { return arvio_pq()->PQntuples(res); }
static inline char *PQfname(const PGresult *res, int field_num) { return arvio_pq()->PQfname(res, field_num); }
static inline Oid PQftype(const PGresult *res, int field_num) { return arvio_pq()->PQftype(res, field_num); }
static inline int PQgetisnull(const PGresult *res, int tup_num, int field_num) { return arvio_pq()->PQgetisnull(res, tup_num, field_num); }
static inline char *PQgetvalue(const PGresult *res, int tup_num, int field_num) { return arvio_pq()->PQgetvalue(res, tup_num, field_num); }
static inline PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg) { return arvio_pq()->PQconninfoParse(conninfo, errmsg); }
static inline void PQfreemem(void *ptr) { arvio_pq()->PQfreemem(ptr); }
static inline void PQconninfoFree(PQconninfoOption *connOptions) { arvio_pq()->PQconninfoFree(connOptions); }

#endif
