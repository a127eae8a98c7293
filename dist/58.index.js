export const id = 58;
export const ids = [58];
export const modules = {

/***/ 58:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
// Placeholder until the 'status' command lands; replaced by its owner.
async function run(_argv) {
    process.stderr.write("dms-proc-gate status: not available in this build\n");
    return 2;
}


/***/ })

};
